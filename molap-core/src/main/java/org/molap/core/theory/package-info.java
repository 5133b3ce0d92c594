/**
 * Executable versions of the seed papers' theory: constructions and closed forms that tests check to machine
 * precision (seed 003, appendices A and B). Plain ND4J arrays in double precision; no training.
 */
package org.molap.core.theory;
