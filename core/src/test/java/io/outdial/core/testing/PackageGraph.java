package io.outdial.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which package of a module's sources uses which, read from the source text (imports, and fully qualified names in
 * code), and the import cycles among them. Published in outdial-core's test jar so that each module can assert that
 * its dependencies run one way.
 */
public final class PackageGraph {
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:[a-z]\\w*\\.)+)[A-Z]\\w*");

    private final Map<String, Set<String>> uses;

    private PackageGraph(Map<String, Set<String>> uses) {
        this.uses = uses;
    }

    /** Reads every .java file under {@code sources} (a module's src/main/java). */
    public static PackageGraph of(Path sources) {
        Map<String, List<String>> references = new HashMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String text = Files.readString(file);
                Matcher p = PACKAGE.matcher(text);
                if (!p.find()) {
                    continue;
                }
                List<String> refs = references.computeIfAbsent(p.group(1), k -> new ArrayList<>());
                Matcher i = IMPORT.matcher(text);
                while (i.find()) {
                    refs.add(i.group(1));
                }
                Matcher q = QUALIFIED.matcher(text.substring(p.end()).replaceAll("(?m)^import .*$", ""));
                while (q.find()) {
                    refs.add(q.group(0));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> uses = new TreeMap<>();
        for (String pkg : references.keySet()) {
            Set<String> to = new TreeSet<>();
            for (String ref : references.get(pkg)) {
                String target = packageOf(ref, references.keySet());
                if (target != null && !target.equals(pkg)) {
                    to.add(target);
                }
            }
            uses.put(pkg, to);
        }
        return new PackageGraph(uses);
    }

    private static String packageOf(String name, Set<String> packages) {
        String best = null;
        for (String pkg : packages) {
            if ((name.startsWith(pkg + ".")) && (best == null || pkg.length() > best.length())) {
                best = pkg;
            }
        }
        return best;
    }

    public Set<String> packages() {
        return uses.keySet();
    }

    /** The module's packages that {@code pkg} uses. */
    public Set<String> uses(String pkg) {
        return uses.getOrDefault(pkg, Set.of());
    }

    /** Every group of two or more packages that reach each other (Tarjan's strongly connected components). */
    public List<Set<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> cycles = new ArrayList<>();
        int[] counter = {0};
        for (String pkg : uses.keySet()) {
            if (!index.containsKey(pkg)) {
                connect(pkg, index, low, stack, onStack, cycles, counter);
            }
        }
        return cycles;
    }

    private void connect(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                         Set<String> onStack, List<Set<String>> cycles, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : uses(v)) {
            if (!index.containsKey(w)) {
                connect(w, index, low, stack, onStack, cycles, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }
}
