package io.outdial.dialer.store;

import java.io.StringReader;
import java.time.ZoneId;
import java.util.UUID;

/** A fresh, private H2 in-memory calling-list database per test. */
final class InMemoryStore {

    private InMemoryStore() {
    }

    static String newUrl() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    static CallingListStore open() {
        return CallingListStore.open(newUrl(), "sa", "", 4);
    }

    static CallingListStore open(ZoneId defaultZone) {
        return CallingListStore.open(newUrl(), "sa", "", 4, defaultZone);
    }

    static ImportReport load(CallingListStore store, String campaign, String csv) {
        return store.importCsv(campaign, new StringReader(csv));
    }
}
