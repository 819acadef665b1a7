package io.leverwatch.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses bodies larger than the limit with 413, whether the client announced the length or not. */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    public BodySizeLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, maxBytes), response);
        } catch (TooLargeException e) {
            if (!response.isCommitted()) {
                response.reset();
                refuse(response);
            }
        } catch (ServletException e) {
            if (TooLargeException.in(e).isPresent() && !response.isCommitted()) {
                response.reset();
                refuse(response);
            } else {
                throw e;
            }
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        Problems.write(
                response,
                Problems.problem(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        TooLargeException.TYPE,
                        TooLargeException.TITLE,
                        TooLargeException.detail(maxBytes)));
    }

    /**
     * A body sent without its length, found too large while it is read. Spring reports it as an unreadable body;
     * {@link ProblemHandler} answers it with the same 413 as this filter.
     */
    static final class TooLargeException extends IOException {
        static final String TYPE = "too-large";
        static final String TITLE = "Payload too large";

        private final long maxBytes;

        TooLargeException(long maxBytes) {
            super("request body too large");
            this.maxBytes = maxBytes;
        }

        String detail() {
            return detail(maxBytes);
        }

        static String detail(long maxBytes) {
            return "the body is larger than " + maxBytes + " bytes: split the batch";
        }

        /** The TooLargeException behind this failure, if one is. */
        static java.util.Optional<TooLargeException> in(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof TooLargeException tooLarge) {
                    return java.util.Optional.of(tooLarge);
                }
            }
            return java.util.Optional.empty();
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > maxBytes) {
                        throw new TooLargeException(maxBytes);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0 && (read += n) > maxBytes) {
                        throw new TooLargeException(maxBytes);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
