package io.outdial.dialer.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseUploadTest {

    @Test
    void brokenJsonRowsAreReportedAndTheGoodOnesKept() {
        ResponseUpload u = ResponseUpload.read("""
                [{"title": "Greeting", "text": "Good morning", "tags": ["open"]},
                 {"title": "No text"},
                 7,
                 {"title": "greeting", "text": "twice"},
                 {"title": "Tagged", "text": "t", "tags": "a; b"},
                 {"title": "Bad tags", "text": "t", "tags": {"x": 1}}]
                """);
        assertEquals(List.of("Greeting", "Tagged"), u.rows().stream().map(ResponseUpload.Row::title).toList());
        assertEquals(List.of("a", "b"), u.rows().get(1).tags());
        assertEquals(List.of(new ResponseUpload.Rejected(2, "text is missing"),
                new ResponseUpload.Rejected(3, "must be an object with \"title\" and \"text\""),
                new ResponseUpload.Rejected(4, "title 'greeting' appears twice in this upload"),
                new ResponseUpload.Rejected(6, "\"tags\" must be a list of texts")), u.rejected());
    }

    @Test
    void csvRowsAreReportedByLine() {
        ResponseUpload u = ResponseUpload.read("title,text,tags\nHours,\"Open 8 to 8, daily\",info;hours\n"
                + ",no title,\nToo,many,cells,here\n" + "Long," + "x".repeat(4001) + ",\n");
        assertEquals(1, u.rows().size());
        assertEquals("Open 8 to 8, daily", u.rows().get(0).text());
        assertEquals(List.of("info", "hours"), u.rows().get(0).tags());
        assertEquals(List.of(3L, 4L, 5L), u.rejected().stream().map(ResponseUpload.Rejected::row).toList());
        assertTrue(u.rejected().get(2).reason().contains("longer than 4000"));
    }

    @Test
    void bodiesThatAreNeitherAreRefusedWhole() {
        assertThrows(IllegalArgumentException.class, () -> ResponseUpload.read("  "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResponseUpload.read("[{"))
                .getMessage().contains("not valid JSON"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResponseUpload.read("name,body\na,b\n"))
                .getMessage().contains("title and text"));
    }
}
