package id.aduan.web.agency.inbox;

import java.util.List;

/** A page of {@code GET /api/v1/inbox}: {@code next} is the cursor of the following page, absent on the last. */
record InboxPage(long total, List<InboxRow> items, String next) {

    InboxPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
