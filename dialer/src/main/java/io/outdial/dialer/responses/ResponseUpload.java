package io.outdial.dialer.responses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An upload of standard responses read and checked row by row: a JSON array of {@code {"title", "text", "tags"}}
 * objects, or CSV with a header naming {@code title}, {@code text} and optionally {@code tags} (separated by
 * {@code ;} or {@code ,} inside the cell). Good rows are kept; each broken row is reported with its number (the
 * array index from 1, or the CSV line) and what is wrong with it.
 */
public final class ResponseUpload {
    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 4000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 40;
    public static final int MAX_ROWS = 5000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).get();

    /** A response ready to store. */
    public record Row(long row, String title, String text, List<String> tags) {
    }

    /** A row that was not taken, and why. */
    public record Rejected(long row, String reason) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Rejected> rejected = new ArrayList<>();
    private final Set<String> titles = new HashSet<>();

    private ResponseUpload() {
    }

    /** Reads {@code body}: JSON when it starts with '[', else CSV. Throws for a body that is neither at all. */
    public static ResponseUpload read(String body) {
        ResponseUpload upload = new ResponseUpload();
        String trimmed = body == null ? "" : body.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the upload is empty: send a JSON array of {\"title\", \"text\","
                    + " \"tags\"} or CSV with a title,text,tags header");
        }
        if (trimmed.startsWith("[")) {
            upload.readJson(trimmed);
        } else {
            upload.readCsv(trimmed);
        }
        return upload;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public List<Rejected> rejected() {
        return List.copyOf(rejected);
    }

    private void readJson(String body) {
        JsonNode array;
        try {
            array = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the upload is not valid JSON: " + e.getOriginalMessage());
        }
        if (array.size() > MAX_ROWS) {
            throw new IllegalArgumentException("at most " + MAX_ROWS + " responses per upload, got " + array.size());
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            long row = i + 1;
            if (!item.isObject()) {
                rejected.add(new Rejected(row, "must be an object with \"title\" and \"text\""));
                continue;
            }
            JsonNode tags = item.path("tags");
            List<String> tagList = new ArrayList<>();
            if (tags.isArray()) {
                tags.forEach(t -> tagList.add(t.isValueNode() ? t.asText() : null));
            } else if (tags.isTextual()) {
                tagList.addAll(split(tags.asText()));
            } else if (!tags.isMissingNode() && !tags.isNull()) {
                rejected.add(new Rejected(row, "\"tags\" must be a list of texts"));
                continue;
            }
            add(row, item.path("title").isTextual() ? item.path("title").asText() : null,
                    item.path("text").isTextual() ? item.path("text").asText() : null, tagList);
        }
    }

    private void readCsv(String body) {
        try (CSVParser parser = CSV.parse(new StringReader(body))) {
            Map<String, Integer> header = parser.getHeaderMap();
            Map<String, String> columns = new java.util.HashMap<>();
            header.keySet().forEach(h -> columns.put(h.toLowerCase(Locale.ROOT).strip(), h));
            if (!columns.containsKey("title") || !columns.containsKey("text")) {
                throw new IllegalArgumentException("the CSV header must name the columns title and text (and"
                        + " optionally tags), got " + header.keySet());
            }
            int count = 0;
            for (CSVRecord record : parser) {
                if (++count > MAX_ROWS) {
                    throw new IllegalArgumentException("at most " + MAX_ROWS + " responses per upload");
                }
                long line = record.getParser().getCurrentLineNumber();
                if (!record.isConsistent()) {
                    rejected.add(new Rejected(line, "has " + record.size() + " cells, the header " + header.size()));
                    continue;
                }
                String tags = columns.containsKey("tags") ? record.get(columns.get("tags")) : "";
                add(line, record.get(columns.get("title")), record.get(columns.get("text")), split(tags));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("the upload is not valid CSV: " + e.getMessage());
        }
    }

    private static List<String> split(String tags) {
        List<String> out = new ArrayList<>();
        for (String t : tags.split("[;,]")) {
            if (!t.isBlank()) {
                out.add(t.strip());
            }
        }
        return out;
    }

    private void add(long row, String title, String text, List<String> tags) {
        String t = title == null ? "" : title.strip();
        String x = text == null ? "" : text.strip();
        String problem = t.isEmpty() ? "title is missing"
                : t.length() > MAX_TITLE ? "title is longer than " + MAX_TITLE + " characters"
                : x.isEmpty() ? "text is missing"
                : x.length() > MAX_TEXT ? "text is longer than " + MAX_TEXT + " characters"
                : tags.size() > MAX_TAGS ? "more than " + MAX_TAGS + " tags"
                : tags.stream().anyMatch(g -> g == null || g.isBlank() || g.length() > MAX_TAG || g.contains(","))
                        ? "each tag must be a text of 1 to " + MAX_TAG + " characters without ','"
                : !titles.add(t.toLowerCase(Locale.ROOT)) ? "title '" + t + "' appears twice in this upload"
                : null;
        if (problem != null) {
            rejected.add(new Rejected(row, problem));
        } else {
            rows.add(new Row(row, t, x, tags.stream().map(String::strip).toList()));
        }
    }
}
