package vitrina.generator.markdown;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a URL written by a school points at. Classification is an allow-list: only http(s), mailto, tel, page
 * fragments, site paths and relative paths pass; anything with another scheme (javascript:, data:, vbscript:…,
 * in any spelling: entities are already decoded by the HTML parser, and whitespace, control and invisible
 * characters are ignored the way browsers ignore them) is unsafe.
 *
 * @param kind  what it is
 * @param url   the cleaned URL to publish (external, mail, site, fragment kinds)
 * @param path  for relative targets: the decoded path without query and fragment, {@code ./} removed
 * @param fragment for relative targets: the fragment including {@code #}, or empty
 */
record LinkTarget(Kind kind, String url, String path, String fragment) {
    enum Kind { FRAGMENT, EXTERNAL, CONTACT, SITE, RELATIVE, OUTSIDE, LOCAL_FILE, UNSAFE }

    static LinkTarget classify(String raw) {
        String url = raw.strip().replaceAll("[\\t\\n\\r]", "");
        String squeezed = squeeze(url).toLowerCase(Locale.ROOT);
        if (squeezed.isEmpty()) {
            return of(Kind.OUTSIDE, url);
        }
        if (squeezed.startsWith("#")) {
            return of(Kind.FRAGMENT, url);
        }
        if (squeezed.startsWith("//") || squeezed.startsWith("/\\")) {
            return of(Kind.EXTERNAL, "https:" + url.replace('\\', '/'));
        }
        if (squeezed.startsWith("/")) {
            return of(Kind.SITE, url);
        }
        if (squeezed.startsWith("\\")) {
            return of(Kind.LOCAL_FILE, url);
        }
        int colon = squeezed.indexOf(':');
        int end = firstOf(squeezed, "/?#\\");
        if (colon >= 0 && (end < 0 || colon < end)) {
            String scheme = squeezed.substring(0, colon);
            return switch (scheme) {
                case "http", "https" -> squeezed.startsWith(scheme + "://") ? of(Kind.EXTERNAL, url) : of(Kind.UNSAFE, url);
                case "mailto", "tel" -> of(Kind.CONTACT, url);
                case "file" -> of(Kind.LOCAL_FILE, url);
                default -> scheme.length() == 1 && scheme.charAt(0) >= 'a' && scheme.charAt(0) <= 'z'
                        ? of(Kind.LOCAL_FILE, url) : of(Kind.UNSAFE, url);
            };
        }
        return relative(url);
    }

    private static LinkTarget relative(String url) {
        int hash = url.indexOf('#');
        String fragment = hash >= 0 ? url.substring(hash) : "";
        String rest = hash >= 0 ? url.substring(0, hash) : url;
        int query = rest.indexOf('?');
        String path = decode(query >= 0 ? rest.substring(0, query) : rest).replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        path = path.replaceAll("/(\\./)+", "/").replaceAll("/{2,}", "/");
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return new LinkTarget(Kind.OUTSIDE, url, path, fragment);
            }
        }
        if (path.isEmpty() || path.startsWith("/")) {
            return new LinkTarget(Kind.OUTSIDE, url, path, fragment);
        }
        return new LinkTarget(Kind.RELATIVE, url, path, fragment);
    }

    private static LinkTarget of(Kind kind, String url) {
        return new LinkTarget(kind, url, "", "");
    }

    /** Drops what browsers ignore or what could hide a scheme: controls, spaces, invisible format characters. */
    private static String squeeze(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (c <= 0x20 || Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.CONTROL
                    || type == Character.FORMAT) {
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }
}
