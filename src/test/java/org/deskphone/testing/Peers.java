package org.deskphone.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives interop tests the real peers, started once for the whole run and stopped (by PID) when it ends:
 * declare a {@link Kamailio}, {@link Nginx}, {@link Tftpd}, {@link Lighttpd}, {@link Ftpd},
 * {@link DhcpNamespace}, {@link Chrony} or {@link Rsyslog} parameter, or a {@link Baresip} parameter
 * annotated with {@link BaresipPeer}, on a test or lifecycle method of a class with
 * {@code @ExtendWith(Peers.class)}.
 */
public final class Peers implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Peers.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Kamailio.class || type == Nginx.class || type == Tftpd.class
                || type == Lighttpd.class || type == Ftpd.class || type == DhcpNamespace.class
                || type == Chrony.class || type == Rsyslog.class
                || (type == Baresip.class && parameter.isAnnotated(BaresipPeer.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == Kamailio.class) {
            return kamailio(context);
        }
        if (type == Nginx.class) {
            return shared(context, Nginx.class, Nginx::start);
        }
        if (type == Tftpd.class) {
            return shared(context, Tftpd.class, Tftpd::start);
        }
        if (type == Lighttpd.class) {
            return shared(context, Lighttpd.class, Lighttpd::start);
        }
        if (type == Ftpd.class) {
            return shared(context, Ftpd.class, Ftpd::start);
        }
        if (type == DhcpNamespace.class) {
            return shared(context, DhcpNamespace.class, DhcpNamespace::start);
        }
        if (type == Chrony.class) {
            return shared(context, Chrony.class, Chrony::start);
        }
        if (type == Rsyslog.class) {
            return shared(context, Rsyslog.class, Rsyslog::start);
        }
        BaresipPeer spec = parameter.findAnnotation(BaresipPeer.class).orElseThrow();
        Kamailio registrar = kamailio(context);
        String key = "baresip " + spec.user() + " " + spec.autoAnswer() + " " + spec.codecs() + " " + spec.modules()
                + " " + spec.mediaEncryption() + " " + spec.record() + " " + spec.audio() + " " + spec.speech();
        // Two baresips registered as one user would both ring for every call to it: one spec per user.
        String user = store(context).getOrComputeIfAbsent("baresip user " + spec.user(), k -> key, String.class);
        if (!user.equals(key)) {
            throw new IllegalStateException("baresip " + spec.user() + " is already asked for as '" + user + "', now as '" + key
                    + "': give every @BaresipPeer of one user the same settings");
        }
        return store(context).getOrComputeIfAbsent(key, k -> Baresip.start(registrar, spec), Baresip.class);
    }

    /** The run's Kamailio, for helpers that need it outside parameter injection. */
    public static Kamailio kamailio(ExtensionContext context) {
        return shared(context, Kamailio.class, Kamailio::start);
    }

    private static <T> T shared(ExtensionContext context, Class<T> type, java.util.function.Supplier<T> start) {
        return store(context).getOrComputeIfAbsent(type.getName(), key -> start.get(), type);
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE);
    }
}
