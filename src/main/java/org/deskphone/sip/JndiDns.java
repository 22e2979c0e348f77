package org.deskphone.sip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import org.tinylog.Logger;

/** NAPTR and SRV through the JDK's DNS provider (JNDI), addresses through the system resolver. */
final class JndiDns implements ServerLocator.Dns {

    @Override
    public List<Naptr> naptr(String name) {
        List<Naptr> out = new ArrayList<>();
        for (String value : query(name, "NAPTR")) {
            // order preference "flags" "service" "regexp" replacement
            String[] parts = value.split("\\s+");
            if (parts.length >= 6) {
                try {
                    out.add(new Naptr(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), unquote(parts[2]), unquote(parts[3]),
                            trimDot(parts[5])));
                } catch (NumberFormatException e) {
                    Logger.debug("bad NAPTR record for {}: {}", name, value);
                }
            }
        }
        return out;
    }

    @Override
    public List<Srv> srv(String name) {
        List<Srv> out = new ArrayList<>();
        for (String value : query(name, "SRV")) {
            String[] parts = value.split("\\s+");
            if (parts.length == 4) {
                try {
                    out.add(new Srv(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), trimDot(parts[3])));
                } catch (NumberFormatException e) {
                    Logger.debug("bad SRV record for {}: {}", name, value);
                }
            }
        }
        return out;
    }

    @Override
    public List<InetAddress> addresses(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }

    private static List<String> query(String name, String type) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("com.sun.jndi.dns.timeout.initial", "2000");
        env.put("com.sun.jndi.dns.timeout.retries", "2");
        List<String> values = new ArrayList<>();
        try {
            DirContext context = new InitialDirContext(env);
            try {
                Attributes attributes = context.getAttributes(name, new String[] {type});
                Attribute attribute = attributes.get(type);
                if (attribute != null) {
                    NamingEnumeration<?> all = attribute.getAll();
                    while (all.hasMore()) {
                        values.add(all.next().toString());
                    }
                }
            } finally {
                context.close();
            }
        } catch (NamingException e) {
            Logger.debug("no {} record for {}: {}", type, name, e.getMessage());
        }
        return values;
    }

    private static String unquote(String text) {
        return text.replace("\"", "");
    }

    private static String trimDot(String name) {
        return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }
}
