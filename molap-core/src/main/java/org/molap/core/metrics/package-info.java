/** Task performance measures on network outputs and targets in the [batch, units, time] layout. */
package org.molap.core.metrics;
