package io.leverwatch.platform.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between one service and PostgreSQL that a test can cut, as a crash cuts them: every connection is
 * reset mid-transaction (the server rolls back what was not committed) and none can be made again, so the service
 * can neither finish nor release anything, e.g. the event processors' claims on their segments.
 */
public final class SeverableLink implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    public SeverableLink(int targetPort) {
        this.targetPort = targetPort;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon("link-accept-" + server.getLocalPort(), this::accept);
    }

    /** The port to give the service instead of the database's. */
    public int port() {
        return server.getLocalPort();
    }

    /** Resets every connection and refuses new ones. */
    public void cut() {
        close(server);
        sockets.forEach(socket -> {
            try {
                socket.setSoLinger(true, 0); // a reset, not an orderly close
            } catch (IOException ignored) {
                // already closed
            }
            close(socket);
        });
    }

    @Override
    public void close() {
        cut();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                relay(client, upstream);
                relay(upstream, client);
            } catch (IOException e) {
                // the link was cut, or the database refused: the service sees a failed connection
            }
        }
    }

    private void relay(Socket from, Socket to) {
        daemon("link-relay", () -> {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException ignored) {
                // one side closed: close both
            } finally {
                close(from);
                close(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        });
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
