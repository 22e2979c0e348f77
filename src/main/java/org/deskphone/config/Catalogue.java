package org.deskphone.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.deskphone.config.format.Dialect;

/**
 * Every parameter the phone understands, read from the resource {@code catalogue.txt} beside this class
 * (data, not code: see the file's header for its grammar). Looks parameters up by canonical name and
 * resolves the names files use: Yealink keys and their older synonyms
 * ({@code account.1.sip_server_host}), the {@code static.} prefix of newer Yealink firmware, and ALE
 * ids ({@code Account1Server1Address}), all case-insensitively. Immutable and thread-safe.
 */
public final class Catalogue {
    private static final String RESOURCE = "catalogue.txt";
    private static final String STATIC_PREFIX = "static.";
    private static volatile Catalogue builtIn;

    private final List<Template> templates;
    private final Names canonical;
    private final Names cfg;
    private final Names xml;
    private final ConcurrentHashMap<String, Parameter> cache = new ConcurrentHashMap<>();

    Catalogue(List<Template> templates, Names canonical, Names cfg, Names xml) {
        this.templates = List.copyOf(templates);
        this.canonical = canonical;
        this.cfg = cfg;
        this.xml = xml;
    }

    /** The catalogue shipped with the firmware. */
    public static Catalogue builtIn() {
        Catalogue catalogue = builtIn;
        if (catalogue == null) {
            synchronized (Catalogue.class) {
                catalogue = builtIn;
                if (catalogue == null) {
                    try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("the parameter catalogue " + RESOURCE + " is missing from the build");
                        }
                        catalogue = CatalogueReader.read(RESOURCE, in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    builtIn = catalogue;
                }
            }
        }
        return catalogue;
    }

    /**
     * The parameter with this canonical name.
     *
     * @throws IllegalArgumentException when there is none, saying which canonical name a synonym stands
     *     for when it is one
     */
    public Parameter parameter(String name) {
        Parameter parameter = cache.get(name);
        if (parameter != null) {
            return parameter;
        }
        Optional<Parameter> found = find(name);
        if (found.isPresent()) {
            return found.get();
        }
        Optional<Parameter> alias = lookup(Dialect.CFG, name).or(() -> lookup(Dialect.XML, name));
        throw new IllegalArgumentException("no parameter named '" + name + "'"
                + alias.map(p -> "; it is a synonym of " + p.name()).orElse(""));
    }

    /** The parameter with this canonical name (exact spelling), if there is one. */
    public Optional<Parameter> find(String name) {
        Parameter parameter = cache.get(name);
        if (parameter != null) {
            return Optional.of(parameter);
        }
        Names.Match match = canonical.find(name, null);
        if (match == null) {
            return Optional.empty();
        }
        parameter = new Parameter(match.template(), match.indices());
        if (!parameter.name().equals(name)) {
            return Optional.empty();
        }
        cache.putIfAbsent(name, parameter);
        return Optional.of(parameter);
    }

    /** The parameter a key of {@code dialect} stands for, under any of its names, if there is one. */
    public Optional<Parameter> lookup(Dialect dialect, String key) {
        return Optional.ofNullable(resolve(dialect, key, null)).map(m -> intern(m));
    }

    /**
     * Resolves {@code key}; on failure, {@code outOfRange[0]} is set when the key has the form of a
     * family but an index outside its range.
     */
    Names.Match resolve(Dialect dialect, String key, Names.Pattern[] outOfRange) {
        Names.Match match = dialect == Dialect.XML ? xml.find(key, outOfRange) : null;
        if (match == null) {
            match = cfg.find(key, outOfRange);
        }
        if (match == null && key.regionMatches(true, 0, STATIC_PREFIX, 0, STATIC_PREFIX.length())) {
            match = cfg.find(key.substring(STATIC_PREFIX.length()), outOfRange);
        }
        return match;
    }

    Parameter intern(Names.Match match) {
        Parameter parameter = new Parameter(match.template(), match.indices());
        Parameter known = cache.putIfAbsent(parameter.name(), parameter);
        return known != null ? known : parameter;
    }

    /** Every parameter, each family expanded over its ranges, in catalogue order. */
    public Stream<Parameter> all() {
        return templates.stream().flatMap(this::expand);
    }

    /** The number of entries (a family counts once). */
    public int families() {
        return templates.size();
    }

    private Stream<Parameter> expand(Template template) {
        int n = template.placeholders().size();
        if (n == 0) {
            return Stream.of(intern(new Names.Match(template, new int[0])));
        }
        List<Parameter> parameters = new ArrayList<>();
        int[] indices = template.min().clone();
        while (true) {
            parameters.add(intern(new Names.Match(template, indices.clone())));
            int slot = n - 1;
            while (slot >= 0 && indices[slot] == template.max()[slot]) {
                indices[slot] = template.min()[slot];
                slot--;
            }
            if (slot < 0) {
                return parameters.stream();
            }
            indices[slot]++;
        }
    }
}
