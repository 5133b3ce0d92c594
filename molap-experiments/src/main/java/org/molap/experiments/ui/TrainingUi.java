package org.molap.experiments.ui;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.ui.VertxUIServer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The DL4J training UI server (deeplearning4j-vertx), bound to one address: DL4J's own server listens on every
 * interface ({@code createHttpServer().listen(port, ...)}), so this one hands its verticle a Vert.x whose HTTP server
 * listens on the host asked for (127.0.0.1 unless the user says otherwise). Multi-session: every attached run is a session, at
 * {@code /train/<run-directory-name>}.
 */
public final class TrainingUi {
    private final String host;
    private final int port;
    private final BoundServer server;
    private final Vertx vertx;

    private TrainingUi(String host, int port, BoundServer server, Vertx vertx) {
        this.host = host;
        this.port = port;
        this.server = server;
        this.vertx = vertx;
    }

    /** The DL4J verticle, given a Vert.x that binds its HTTP server to {@code host}. */
    public static final class BoundServer extends VertxUIServer {
        static volatile String host = "127.0.0.1";

        @Override
        public void init(Vertx vertx, Context context) {
            super.init(bound(vertx, host), context);
        }
    }

    /** Starts the server on {@code host:port} and waits until it listens. */
    public static TrainingUi start(String host, int port) {
        System.setProperty("org.deeplearning4j.ui.port", String.valueOf(port));      // DL4JSystemProperties.UI_SERVER_PORT_PROPERTY
        BoundServer.host = host;
        VertxUIServer.getMultiSession().set(true);
        CompletableFuture<String> started = new CompletableFuture<>();
        BoundServer server = new BoundServer();
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(server, done -> {
            if (done.succeeded()) {
                started.complete(done.result());
            } else {
                started.completeExceptionally(done.cause());
            }
        });
        try {
            started.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException("The training UI could not listen on " + host + ":" + port + " ("
                    + cause.getMessage() + "); choose another --port.");
        }
        return new TrainingUi(host, port, server, vertx);
    }

    public void attach(StatsStorage storage) {
        server.attach(storage);
    }

    public void detach(StatsStorage storage) {
        server.detach(storage);
    }

    /** The address of a run's overview page. */
    public String overview(String session) {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/train/" + session + "/overview";
    }

    public void stop() {
        vertx.close();
    }

    /** {@code vertx}, except that the HTTP server it creates listens on {@code host} only. */
    private static Vertx bound(Vertx vertx, String host) {
        return delegate(Vertx.class, vertx, (method, args) -> method.getName().equals("createHttpServer") && (args == null || args.length == 0)
                ? bound(vertx.createHttpServer(new HttpServerOptions().setHost(host)), host) : null);
    }

    /** {@code server}, except that {@code listen(port, handler)} (which means every interface) listens on {@code host}. */
    private static HttpServer bound(HttpServer server, String host) {
        return delegate(HttpServer.class, server, (method, args) -> {
            if (method.getName().equals("listen") && args != null && args.length == 2 && args[0] instanceof Integer) {
                @SuppressWarnings("unchecked")
                Handler<AsyncResult<HttpServer>> handler = (Handler<AsyncResult<HttpServer>>) args[1];
                return server.listen((Integer) args[0], host, handler);
            }
            return null;
        });
    }

    /**
     * A proxy of {@code target} whose calls go to {@code override} first, to {@code target} when it returns null; a call
     * that returns the target itself (a fluent setter) returns the proxy.
     */
    private static <T> T delegate(Class<T> type, T target, java.util.function.BiFunction<java.lang.reflect.Method, Object[], Object> override) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object replaced = override.apply(method, args);
            if (replaced != null) {
                return replaced;
            }
            try {
                Object result = method.invoke(target, args);
                return result == target ? proxy : result;     // fluent calls (requestHandler(...)) stay on the proxy
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
