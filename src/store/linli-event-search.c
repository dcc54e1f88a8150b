/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-event-search"

#include "config.h"

#include <string.h>

#include "linli-event-search.h"
#include "linli-store-private.h"

/* Substring search in memory, as for the cases (see linli-case-search.c):
 * SQLite's LIKE and FTS5 find no two-character Chinese words. An office
 * has some hundreds or thousands of events, so the text of each is kept
 * whole, normalised and case-folded, in a table by id, read again after
 * any change to the tables it comes from. */

struct _LinliEventSearch
{
  GObject     parent_instance;

  LinliStore *store;
  GType       type;
  GHashTable *text_of;   /* id → normalised text; NULL until read */
  char       *text;      /* as typed */
  GStrv       words;     /* normalised; empty matches everything */
};

G_DEFINE_FINAL_TYPE (LinliEventSearch, linli_event_search, G_TYPE_OBJECT)

/* Fields apart, one a line, so that a word never spans two. */
#define ACTIVITY_TEXT_SQL \
  "SELECT a.id, a.title, a.type, a.venue, a.organiser, a.description," \
  " (SELECT group_concat (o.name, char (10)) FROM activity_partner AS p" \
  "   JOIN organisation AS o ON o.id = p.organisation_id WHERE p.activity_id = a.id)," \
  " (SELECT group_concat (v.name, char (10)) FROM participation AS pa" \
  "   JOIN volunteer AS v ON v.id = pa.volunteer_id WHERE pa.activity_id = a.id)" \
  " FROM activity AS a"

#define OUTREACH_TEXT_SQL \
  "SELECT e.id, e.title, e.venue, e.speaker, e.notes," \
  " (SELECT group_concat (o.name, char (10)) FROM outreach_organiser AS r" \
  "   JOIN organisation AS o ON o.id = r.organisation_id WHERE r.outreach_id = e.id)," \
  " (SELECT group_concat (name, char (10)) FROM outreach_target_group WHERE outreach_id = e.id)," \
  " (SELECT group_concat (name, char (10)) FROM outreach_topic WHERE outreach_id = e.id)" \
  " FROM outreach AS e"

/* Full-width forms as ASCII (NFKC) and every letter in lower case. */
static char *
normalise (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);

  return nfkc != NULL ? g_utf8_casefold (nfkc, -1) : g_strdup ("");
}

static void
read_text (LinliEventSearch *self)
{
  g_autoptr(GError) error = NULL;
  const char *sql = self->type == LINLI_TYPE_ACTIVITY ? ACTIVITY_TEXT_SQL : OUTREACH_TEXT_SQL;
  sqlite3_stmt *stmt;

  self->text_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  stmt = linli_store_prepare (self->store, sql, &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read the events to search: %s", error->message);
      return;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      for (int column = 1; column < sqlite3_column_count (stmt); column++)
        {
          const char *field = (const char *) sqlite3_column_text (stmt, column);
          if (field != NULL)
            {
              g_string_append (text, field);
              g_string_append_c (text, '\n');
            }
        }
      g_hash_table_insert (self->text_of, g_memdup2 (&id, sizeof id), normalise (text->str));
    }
  sqlite3_reset (stmt);
}

static void
store_changed_cb (LinliEventSearch *self)
{
  g_clear_pointer (&self->text_of, g_hash_table_unref);
}

static void
linli_event_search_dispose (GObject *object)
{
  LinliEventSearch *self = LINLI_EVENT_SEARCH (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (linli_event_search_parent_class)->dispose (object);
}

static void
linli_event_search_finalize (GObject *object)
{
  LinliEventSearch *self = LINLI_EVENT_SEARCH (object);

  g_clear_pointer (&self->text_of, g_hash_table_unref);
  g_free (self->text);
  g_strfreev (self->words);

  G_OBJECT_CLASS (linli_event_search_parent_class)->finalize (object);
}

static void
linli_event_search_class_init (LinliEventSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = linli_event_search_dispose;
  object_class->finalize = linli_event_search_finalize;
}

static void
linli_event_search_init (LinliEventSearch *self)
{
  self->words = g_new0 (char *, 1);
}

/**
 * linli_event_search_new:
 * @type: %LINLI_TYPE_ACTIVITY or %LINLI_TYPE_OUTREACH
 *
 * Returns: (transfer full): a search over the events of @type in @store
 */
LinliEventSearch *
linli_event_search_new (LinliStore *store,
                        GType       type)
{
  static const char * const activity_tables[] = {
    "activity", "participation", "volunteer", "organisation", NULL,
  };
  static const char * const outreach_tables[] = { "outreach", "organisation", NULL };
  const char * const *tables;
  LinliEventSearch *self;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (type == LINLI_TYPE_ACTIVITY || type == LINLI_TYPE_OUTREACH, NULL);

  self = g_object_new (LINLI_TYPE_EVENT_SEARCH, NULL);
  self->store = g_object_ref (store);
  self->type = type;
  tables = type == LINLI_TYPE_ACTIVITY ? activity_tables : outreach_tables;
  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", tables[i], NULL);
      g_signal_connect_swapped (store, signal, G_CALLBACK (store_changed_cb), self);
    }
  return self;
}

/**
 * linli_event_search_set_text:
 * @text: (nullable): the words to look for, apart by spaces; %NULL or
 *   blank finds every event
 */
void
linli_event_search_set_text (LinliEventSearch *self,
                             const char       *text)
{
  g_autofree char *folded = NULL;
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  g_return_if_fail (LINLI_IS_EVENT_SEARCH (self));

  g_free (self->text);
  self->text = g_strdup (text);
  folded = normalise (text != NULL ? text : "");
  /* The ideographic space is a space after NFKC. */
  parts = g_strsplit_set (folded, " \t\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (words, parts[i]);
  g_strfreev (self->words);
  self->words = g_strv_builder_end (words);
}

const char *
linli_event_search_get_text (LinliEventSearch *self)
{
  g_return_val_if_fail (LINLI_IS_EVENT_SEARCH (self), NULL);
  return self->text;
}

gboolean
linli_event_search_is_empty (LinliEventSearch *self)
{
  g_return_val_if_fail (LINLI_IS_EVENT_SEARCH (self), TRUE);
  return self->words[0] == NULL;
}

gboolean
linli_event_search_matches (LinliEventSearch *self,
                            gint64            id)
{
  const char *text;

  g_return_val_if_fail (LINLI_IS_EVENT_SEARCH (self), FALSE);

  if (self->words[0] == NULL)
    return TRUE;
  if (self->text_of == NULL)
    read_text (self);
  text = g_hash_table_lookup (self->text_of, &id);
  if (text == NULL)
    return FALSE;
  for (guint i = 0; self->words[i] != NULL; i++)
    if (strstr (text, self->words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* A LinliRecordFilterFunc. */
gboolean
linli_event_search_filter (gint64   id,
                           gpointer search)
{
  return linli_event_search_matches (search, id);
}
