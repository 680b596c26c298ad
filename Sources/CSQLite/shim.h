#include <sqlite3.h>

/// SQLITE_TRANSIENT, a cast Swift cannot import: SQLite copies the bound text at once.
static inline sqlite3_destructor_type plankit_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}
