/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-search"
#define _GNU_SOURCE  /* memmem() */

#include "config.h"

#include <string.h>

#include "linli-case-search.h"
#include "linli-store-private.h"

/* Substring search over every case's text, in memory.
 *
 * SQLite cannot do this fast enough: LIKE '%漏水%' reads every row (about
 * 90 ms for 100,000 cases), and FTS5's trigram tokenizer finds nothing for
 * the two-character words most Chinese searches are (漏水, 物业, 停车). So
 * the text of every case (number, title, description, address, reporter),
 * normalised and case-folded, is kept in one buffer, NUL between cases, and
 * a search is a run of memmem() over it: a few milliseconds for 100,000
 * cases, for a few tens of megabytes.
 *
 * The buffer follows the store: a changed case is appended again and its old
 * text forgotten; a change to many rows, or to the residents, rebuilds it. */

typedef struct
{
  gint64 id;      /* 0 for text that is no longer current */
  gsize  offset;  /* where the case's text starts in the buffer */
} Entry;

struct _LinliCaseSearch
{
  GObject      parent_instance;

  LinliStore  *store;
  GString     *buffer;
  GArray      *entries;     /* Entry, by offset */
  GHashTable  *entry_of;    /* id → index into entries + 1 */
  guint        n_stale;
  gboolean     built;
  GArray      *pending;     /* gint64 ids changed since the last look */

  char        *text;        /* as typed */
  char        *needle;      /* normalised; NULL or "" matches everything */
  GArray      *matches;     /* a bit per case id, guint64 words; NULL until searched */
};

G_DEFINE_FINAL_TYPE (LinliCaseSearch, linli_case_search, G_TYPE_OBJECT)

#define CASE_TEXT_SQL \
  "SELECT c.id, c.number, c.title, c.description, c.address, r.name, r.phone" \
  " FROM case_record AS c LEFT JOIN resident AS r ON r.id = c.reporter_id"

/* Full-width letters, digits and punctuation (３号楼, ，) as their ASCII
 * forms, as NFKC has them, and every letter in lower case, so 'ab' finds
 * 'AB'. Done by hand for the text most cases hold, Chinese and ASCII, which
 * GLib's NFKC and case folding would take a second to go through for
 * 100,000 cases; text with other letters (Latin, Greek, Cyrillic: lead
 * bytes 0xC2–0xDF) goes through GLib. */
static char *
normalise (const char *text,
           gssize      length)
{
  gsize n = length < 0 ? strlen (text) : (gsize) length;
  GString *out = g_string_sized_new (n);

  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar) text[i];

      if (c >= 0xC2 && c <= 0xDF)
        {
          g_autofree char *nfkc = g_utf8_normalize (text, n, G_NORMALIZE_ALL_COMPOSE);
          g_string_free (out, TRUE);
          return nfkc ? g_utf8_casefold (nfkc, -1) : g_strdup ("");
        }
      /* U+FF01–U+FF5E are EF BC 81 … EF BD 9E; each is U+0021–U+007E + 0xFEE0. */
      if (c == 0xEF && i + 2 < n && ((guchar) text[i + 1] == 0xBC || (guchar) text[i + 1] == 0xBD))
        {
          guint code = 0xF000 | (((guchar) text[i + 1] & 0x3F) << 6) | ((guchar) text[i + 2] & 0x3F);
          if (code >= 0xFF01 && code <= 0xFF5E)
            {
              g_string_append_c (out, g_ascii_tolower ((char) (code - 0xFEE0)));
              i += 2;
              continue;
            }
        }
      /* U+3000, the ideographic space, is E3 80 80. */
      if (c == 0xE3 && i + 2 < n && (guchar) text[i + 1] == 0x80 && (guchar) text[i + 2] == 0x80)
        {
          g_string_append_c (out, ' ');
          i += 2;
          continue;
        }
      g_string_append_c (out, g_ascii_tolower ((char) c));
    }
  return g_string_free (out, FALSE);
}

static void
append_case (LinliCaseSearch *self,
             sqlite3_stmt    *stmt)
{
  Entry entry = { sqlite3_column_int64 (stmt, 0), self->buffer->len };
  GString *text = g_string_new (NULL);
  g_autofree char *folded = NULL;
  gpointer previous;

  /* Fields apart, so a match never spans two of them. */
  for (int column = 1; column <= 6; column++)
    {
      const char *field = (const char *) sqlite3_column_text (stmt, column);
      if (field != NULL)
        {
          g_string_append (text, field);
          g_string_append_c (text, '\n');
        }
    }
  folded = normalise (text->str, text->len);
  g_string_free (text, TRUE);

  previous = g_hash_table_lookup (self->entry_of, &entry.id);
  if (previous != NULL)
    {
      g_array_index (self->entries, Entry, GPOINTER_TO_UINT (previous) - 1).id = 0;
      self->n_stale++;
    }

  g_string_append (self->buffer, folded);
  g_string_append_c (self->buffer, '\0');
  g_array_append_val (self->entries, entry);
  g_hash_table_insert (self->entry_of, g_memdup2 (&entry.id, sizeof entry.id),
                       GUINT_TO_POINTER (self->entries->len));
}

static void
forget_case (LinliCaseSearch *self,
             gint64           id)
{
  gpointer index = g_hash_table_lookup (self->entry_of, &id);

  if (index == NULL)
    return;
  g_array_index (self->entries, Entry, GPOINTER_TO_UINT (index) - 1).id = 0;
  g_hash_table_remove (self->entry_of, &id);
  self->n_stale++;
}

static void
rebuild (LinliCaseSearch *self)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_string_truncate (self->buffer, 0);
  g_array_set_size (self->entries, 0);
  g_hash_table_remove_all (self->entry_of);
  g_array_set_size (self->pending, 0);
  self->n_stale = 0;
  self->built = TRUE;

  stmt = linli_store_prepare (self->store, CASE_TEXT_SQL, &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read the cases to search: %s", error->message);
      return;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    append_case (self, stmt);
  sqlite3_reset (stmt);
}

static void
refresh_case (LinliCaseSearch *self,
              gint64           id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = linli_store_prepare (self->store, CASE_TEXT_SQL " WHERE c.id = ?1", &error);

  if (stmt == NULL)
    {
      g_warning ("Cannot read a case to search: %s", error->message);
      return;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    append_case (self, stmt);
  else
    forget_case (self, id);
  sqlite3_reset (stmt);
}

/* Brings the buffer up to date with the store, and the matches with it. */
static void
update (LinliCaseSearch *self)
{
  if (!self->built)
    {
      rebuild (self);
      g_clear_pointer (&self->matches, g_array_unref);
    }
  else if (self->pending->len > 0)
    {
      for (guint i = 0; i < self->pending->len; i++)
        refresh_case (self, g_array_index (self->pending, gint64, i));
      g_array_set_size (self->pending, 0);
      /* Stale text costs search time: rebuild once a quarter is stale. */
      if (self->n_stale > self->entries->len / 4 + 64)
        rebuild (self);
      g_clear_pointer (&self->matches, g_array_unref);
    }

  if (self->matches != NULL || self->needle == NULL || self->needle[0] == '\0')
    return;

  {
    gint64 max_id = 0;

    for (guint i = 0; i < self->entries->len; i++)
      max_id = MAX (max_id, g_array_index (self->entries, Entry, i).id);
    self->matches = g_array_new (FALSE, TRUE, sizeof (guint64));
    g_array_set_size (self->matches, (guint) (max_id / 64 + 1));
  }
  {
    const char *start = self->buffer->str;
    const char *end = start + self->buffer->len;
    const char *at = start;
    gsize needle_length = strlen (self->needle);

    while (at < end && (at = memmem (at, end - at, self->needle, needle_length)) != NULL)
      {
        /* Which case is it in? The last entry that starts at or before it. */
        gsize offset = at - start;
        guint lo = 0, hi = self->entries->len;
        const Entry *entry;

        while (hi - lo > 1)
          {
            guint mid = (lo + hi) / 2;
            if (g_array_index (self->entries, Entry, mid).offset <= offset)
              lo = mid;
            else
              hi = mid;
          }
        entry = &g_array_index (self->entries, Entry, lo);
        if (entry->id != 0)
          g_array_index (self->matches, guint64, entry->id / 64) |= G_GUINT64_CONSTANT (1) << (entry->id % 64);
        /* On to the next case: one match is enough. */
        at = start + entry->offset + strlen (start + entry->offset) + 1;
      }
  }
}

static void
store_changed_cb (LinliCaseSearch *self,
                  GType            type,
                  LinliChange      change,
                  gint64           id,
                  LinliStore      *store)
{
  if (type == LINLI_TYPE_CASE && change != LINLI_CHANGE_RESET && id != 0)
    g_array_append_val (self->pending, id);
  else
    self->built = FALSE;
  g_clear_pointer (&self->matches, g_array_unref);
}

static void
linli_case_search_dispose (GObject *object)
{
  LinliCaseSearch *self = LINLI_CASE_SEARCH (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (linli_case_search_parent_class)->dispose (object);
}

static void
linli_case_search_finalize (GObject *object)
{
  LinliCaseSearch *self = LINLI_CASE_SEARCH (object);

  g_string_free (self->buffer, TRUE);
  g_array_unref (self->entries);
  g_array_unref (self->pending);
  g_hash_table_unref (self->entry_of);
  g_clear_pointer (&self->matches, g_array_unref);
  g_free (self->text);
  g_free (self->needle);

  G_OBJECT_CLASS (linli_case_search_parent_class)->finalize (object);
}

static void
linli_case_search_class_init (LinliCaseSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = linli_case_search_dispose;
  object_class->finalize = linli_case_search_finalize;
}

static void
linli_case_search_init (LinliCaseSearch *self)
{
  self->buffer = g_string_new (NULL);
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->entry_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/**
 * linli_case_search_new:
 *
 * Returns: (transfer full): a search over the cases of @store; the text is
 *   read on the first search
 */
LinliCaseSearch *
linli_case_search_new (LinliStore *store)
{
  LinliCaseSearch *self;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  self = g_object_new (LINLI_TYPE_CASE_SEARCH, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "changed::case_record", G_CALLBACK (store_changed_cb), self);
  g_signal_connect_swapped (store, "changed::resident", G_CALLBACK (store_changed_cb), self);
  return self;
}

/**
 * linli_case_search_set_text:
 * @text: (nullable): what to look for; %NULL or blank finds every case
 */
void
linli_case_search_set_text (LinliCaseSearch *self,
                            const char      *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (LINLI_IS_CASE_SEARCH (self));

  g_free (self->text);
  self->text = g_strdup (text);
  stripped = g_strstrip (g_strdup (text ? text : ""));
  g_free (self->needle);
  self->needle = normalise (stripped, -1);
  g_clear_pointer (&self->matches, g_array_unref);
}

const char *
linli_case_search_get_text (LinliCaseSearch *self)
{
  g_return_val_if_fail (LINLI_IS_CASE_SEARCH (self), NULL);
  return self->text;
}

gboolean
linli_case_search_matches (LinliCaseSearch *self,
                           gint64           case_id)
{
  g_return_val_if_fail (LINLI_IS_CASE_SEARCH (self), FALSE);

  if (self->needle == NULL || self->needle[0] == '\0')
    return TRUE;
  update (self);
  if (case_id <= 0 || (guint64) case_id / 64 >= self->matches->len)
    return FALSE;
  return (g_array_index (self->matches, guint64, case_id / 64) >> (case_id % 64)) & 1;
}

/* A LinliRecordFilterFunc. */
gboolean
linli_case_search_filter (gint64   case_id,
                          gpointer search)
{
  return linli_case_search_matches (search, case_id);
}
