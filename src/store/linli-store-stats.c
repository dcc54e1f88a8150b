/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-store-stats"

#include "config.h"

#include <math.h>
#include <string.h>

#include "linli-record-sql.h"
#include "linli-store-private.h"
#include "linli-store-stats.h"

/* Every statement binds the scope the same way: ?1 from and ?2 until,
 * written as the store writes times so that they compare with stored times
 * as text (and a range of activities or outreach runs on its start index);
 * ?3 the grid, 0 for all; ?4 the moment "overdue" is measured at: the end
 * of the period, or now if that comes first; ?5 where a statement has it
 * the earlier of ?1 and ?4. The cases are counted in C (count_scope()). */
#define IN_SCOPE_GRID(col) "(?3 = 0 OR " col " = ?3)"

typedef struct
{
  char *from;
  char *until;
  char *as_of;
  gint64 grid_id;
} Bounds;

static void
bounds_clear (Bounds *bounds)
{
  g_free (bounds->from);
  g_free (bounds->until);
  g_free (bounds->as_of);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bounds, bounds_clear)

static void
bounds_init (Bounds                *bounds,
             LinliStore            *store,
             const LinliStatsScope *scope)
{
  g_autoptr(GDateTime) now = linli_store_now (store);

  bounds->from = linli_record_sql_format_time (scope->from);
  bounds->until = linli_record_sql_format_time (scope->until);
  bounds->as_of = linli_record_sql_format_time (g_date_time_compare (now, scope->until) < 0
                                                ? now : scope->until);
  bounds->grid_id = scope->grid_id;
}

static sqlite3_stmt *
prepare_scoped (LinliStore    *store,
                const char    *sql,
                const Bounds  *bounds,
                GError       **error)
{
  sqlite3_stmt *stmt = linli_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  /* Parameters a statement does not use are ignored by SQLite. */
  sqlite3_bind_text (stmt, 1, bounds->from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, bounds->until, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, bounds->grid_id);
  sqlite3_bind_text (stmt, 4, bounds->as_of, -1, SQLITE_STATIC);
  return stmt;
}

/* After the last sqlite3_step(): resets the statement, which the store
 * keeps, and says whether the steps went to the end. */
static gboolean
finish (LinliStore    *store,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  if (rc != SQLITE_DONE)
    {
      linli_store_fail (store, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           i)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, i));
}

static GDateTime *
column_time (sqlite3_stmt *stmt,
             int           i)
{
  static const LinliColumn column = { "time", LINLI_COLUMN_DATETIME, NULL, NULL, NULL, NULL, NULL };
  GValue value = G_VALUE_INIT;
  GDateTime *time;

  if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
    return NULL;
  linli_record_sql_read (stmt, i, &column, &value);
  time = g_value_dup_boxed (&value);
  g_value_unset (&value);
  return time;
}

/* The value of a nick of @type, 0 for NULL or an unknown nick. */
static int
column_enum (sqlite3_stmt *stmt,
             int           i,
             GType         type)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (type);
  const char *nick = (const char *) sqlite3_column_text (stmt, i);
  GEnumValue *value = nick ? g_enum_get_value_by_nick (enum_class, nick) : NULL;

  return value ? value->value : 0;
}

/* ------------------------------------------------------------------------ */

static double
ratio (double part,
       double whole)
{
  return whole > 0 ? part / whole : NAN;
}

double
linli_case_counts_grid_share (const LinliCaseCounts *counts)
{
  g_return_val_if_fail (counts != NULL, NAN);
  return ratio (counts->resolved_by_level[LINLI_RESOLUTION_LEVEL_GRID], counts->resolved);
}

double
linli_case_counts_community_share (const LinliCaseCounts *counts)
{
  g_return_val_if_fail (counts != NULL, NAN);
  return ratio (counts->resolved_by_level[LINLI_RESOLUTION_LEVEL_GRID] +
                counts->resolved_by_level[LINLI_RESOLUTION_LEVEL_COMMUNITY], counts->resolved);
}

double
linli_case_counts_on_time_rate (const LinliCaseCounts *counts)
{
  g_return_val_if_fail (counts != NULL, NAN);
  return ratio (counts->resolved_on_time, counts->resolved_with_due);
}

double
linli_case_counts_average_days (const LinliCaseCounts *counts)
{
  g_return_val_if_fail (counts != NULL, NAN);
  return ratio (counts->days_to_resolve, counts->resolved);
}

double
linli_case_counts_satisfaction_rate (const LinliCaseCounts *counts)
{
  guint asked;

  g_return_val_if_fail (counts != NULL, NAN);
  asked = counts->satisfaction[LINLI_SATISFACTION_SATISFIED] +
          counts->satisfaction[LINLI_SATISFACTION_BASICALLY_SATISFIED] +
          counts->satisfaction[LINLI_SATISFACTION_DISSATISFIED];
  return ratio (counts->satisfaction[LINLI_SATISFACTION_SATISFIED] +
                counts->satisfaction[LINLI_SATISFACTION_BASICALLY_SATISFIED], asked);
}

static void
counts_add (LinliCaseCounts       *sum,
            const LinliCaseCounts *counts)
{
  sum->received += counts->received;
  sum->resolved += counts->resolved;
  sum->open_at_end += counts->open_at_end;
  sum->overdue += counts->overdue;
  for (guint i = 0; i < G_N_ELEMENTS (sum->resolved_by_level); i++)
    sum->resolved_by_level[i] += counts->resolved_by_level[i];
  sum->resolved_with_due += counts->resolved_with_due;
  sum->resolved_on_time += counts->resolved_on_time;
  sum->days_to_resolve += counts->days_to_resolve;
  for (guint i = 0; i < G_N_ELEMENTS (sum->satisfaction); i++)
    sum->satisfaction[i] += counts->satisfaction[i];
}

static gboolean
counts_empty (const LinliCaseCounts *counts)
{
  return counts->received == 0 && counts->resolved == 0 && counts->open_at_end == 0;
}

static void
grid_case_counts_free (LinliGridCaseCounts *row)
{
  g_free (row->code);
  g_free (row->name);
  g_free (row);
}

static void
stat_count_free (LinliStatCount *count)
{
  g_free (count->key);
  g_free (count);
}

void
linli_case_stats_free (LinliCaseStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->by_grid, g_ptr_array_unref);
  g_clear_pointer (&stats->by_category, g_ptr_array_unref);
  g_clear_pointer (&stats->by_source, g_ptr_array_unref);
  g_clear_pointer (&stats->by_status, g_ptr_array_unref);
  g_clear_pointer (&stats->overdue_ids, g_array_unref);
  g_free (stats);
}

/* Seconds since the epoch of a stored time. The store's own
 * "2026-03-03T09:30:00+08:00" (with or without fractions of a second) is
 * read by hand: a year's summary reads tens of thousands of them. */
static gboolean
digits (const char *text,
        guint       n,
        int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

static gboolean
parse_seconds (const char *text,
               gint64     *out)
{
  int year, month, day, hour, minute, second, oh, om;
  const char *p;

  if (text == NULL)
    return FALSE;
  if (strlen (text) >= 25 && text[4] == '-' && text[7] == '-' && text[10] == 'T' &&
      text[13] == ':' && text[16] == ':' &&
      digits (text, 4, &year) && digits (text + 5, 2, &month) && digits (text + 8, 2, &day) &&
      digits (text + 11, 2, &hour) && digits (text + 14, 2, &minute) &&
      digits (text + 17, 2, &second) && month >= 1 && month <= 12)
    {
      p = text + 19;
      if (*p == '.')
        for (p++; g_ascii_isdigit (*p); p++)
          ;
      if ((*p == '+' || *p == '-') && p[3] == ':' && digits (p + 1, 2, &oh) && digits (p + 4, 2, &om))
        {
          /* Days from the civil date, after Howard Hinnant's days_from_civil. */
          int y = month <= 2 ? year - 1 : year;
          gint64 era = (y >= 0 ? y : y - 399) / 400;
          gint64 yoe = y - era * 400;
          gint64 doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
          gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
          gint64 days = era * 146097 + doe - 719468;

          *out = days * 86400 + hour * 3600 + minute * 60 + second -
                 (*p == '-' ? -1 : 1) * (oh * 3600 + om * 60);
          return TRUE;
        }
    }
  {
    g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);
    if (time == NULL)
      return FALSE;
    *out = g_date_time_to_unix (time);
    return TRUE;
  }
}

/* What a case's status means to the counts. */
typedef enum
{
  STATUS_OPEN,
  STATUS_SUSPENDED,
  STATUS_RESOLVED,    /* resolved or revisited */
  STATUS_DROPPED,     /* void or a duplicate */
} StatusKind;

/* One comparison a case, rather than one for each status the rules name:
 * a report counts a hundred thousand cases. */
static StatusKind
status_kind (const char *status)
{
  switch (status[0])
    {
    case 'r':
      if (g_str_equal (status, "resolved") || g_str_equal (status, "revisited"))
        return STATUS_RESOLVED;
      break;
    case 's':
      if (g_str_equal (status, "suspended"))
        return STATUS_SUSPENDED;
      break;
    case 'v':
      if (g_str_equal (status, "void"))
        return STATUS_DROPPED;
      break;
    case 'd':
      if (g_str_equal (status, "duplicate"))
        return STATUS_DROPPED;
      break;
    default:
      break;
    }
  return STATUS_OPEN;
}

/* Overdue by the rules in linli-store-stats.h. Bounds compare as text,
 * like every query of the store. */
static gboolean
is_overdue_kind (const Bounds *bounds,
                 const char   *reported_at,
                 const char   *due_at,
                 StatusKind    kind,
                 const char   *resolved_at)
{
  return due_at != NULL && kind != STATUS_DROPPED && kind != STATUS_SUSPENDED &&
         strcmp (reported_at, bounds->as_of) < 0 && strcmp (due_at, bounds->as_of) < 0 &&
         !(kind == STATUS_RESOLVED && resolved_at != NULL && strcmp (resolved_at, bounds->as_of) < 0);
}

static gboolean
is_overdue (const Bounds *bounds,
            const char   *reported_at,
            const char   *due_at,
            const char   *status,
            const char   *resolved_at)
{
  return is_overdue_kind (bounds, reported_at, due_at, status_kind (status), resolved_at);
}

/* Counts one case into @counts, by the rules in linli-store-stats.h.
 *
 * Returns: whether the case is overdue */
static gboolean
count_case (LinliCaseCounts *counts,
            const Bounds    *bounds,
            const char      *reported_at,
            const char      *due_at,
            const char      *status,
            const char      *level,
            const char      *resolved_at,
            const char      *satisfaction)
{
  StatusKind kind = status_kind (status);
  gboolean is_resolved = kind == STATUS_RESOLVED;
  gboolean is_dropped = kind == STATUS_DROPPED;
  gboolean overdue;

  if (strcmp (reported_at, bounds->from) >= 0)
    counts->received++;

  if (!is_dropped && !(is_resolved && resolved_at != NULL && strcmp (resolved_at, bounds->until) < 0))
    counts->open_at_end++;

  overdue = is_overdue_kind (bounds, reported_at, due_at, kind, resolved_at);
  if (overdue)
    counts->overdue++;

  if (is_resolved && resolved_at != NULL &&
      strcmp (resolved_at, bounds->from) >= 0 && strcmp (resolved_at, bounds->until) < 0)
    {
      gint64 reported, resolved, due;

      counts->resolved++;
      if (level == NULL)
        counts->resolved_by_level[LINLI_RESOLUTION_LEVEL_NONE]++;
      else if (g_str_equal (level, "grid"))
        counts->resolved_by_level[LINLI_RESOLUTION_LEVEL_GRID]++;
      else if (g_str_equal (level, "community"))
        counts->resolved_by_level[LINLI_RESOLUTION_LEVEL_COMMUNITY]++;
      else
        counts->resolved_by_level[LINLI_RESOLUTION_LEVEL_SUBDISTRICT]++;

      if (satisfaction == NULL)
        counts->satisfaction[LINLI_SATISFACTION_NONE]++;
      else if (g_str_equal (satisfaction, "satisfied"))
        counts->satisfaction[LINLI_SATISFACTION_SATISFIED]++;
      else if (g_str_equal (satisfaction, "basically-satisfied"))
        counts->satisfaction[LINLI_SATISFACTION_BASICALLY_SATISFIED]++;
      else
        counts->satisfaction[LINLI_SATISFACTION_DISSATISFIED]++;

      if (parse_seconds (resolved_at, &resolved))
        {
          if (parse_seconds (reported_at, &reported))
            counts->days_to_resolve += (resolved - reported) / 86400.0;
          if (due_at != NULL && parse_seconds (due_at, &due))
            {
              counts->resolved_with_due++;
              if (resolved <= due)
                counts->resolved_on_time++;
            }
        }
    }

  return overdue;
}

typedef struct
{
  gint64 id;
  gint64 due;   /* seconds since the epoch */
} Overdue;

static void
add_overdue (GArray     *overdue,
             gint64      id,
             const char *due_at)
{
  Overdue item = { id, G_MAXINT64 };

  parse_seconds (due_at, &item.due);
  g_array_append_val (overdue, item);
}

static inline gboolean
overdue_before (const Overdue *x,
                const Overdue *y)
{
  return x->due < y->due || (x->due == y->due && x->id < y->id);
}

/* Sorts @items by due time, then id: a merge sort with the comparison
 * inline, that copies runs already in order whole. The overdue cases of a
 * report come in the order they were reported, their due times nearly so,
 * and can be ninety thousand; qsort() with a comparison function took a
 * fifth of an empty year's summary. */
static void
sort_overdue (Overdue *items,
              gsize    n)
{
  g_autofree Overdue *buffer = g_new (Overdue, n);
  Overdue *from = items, *to = buffer;

  for (gsize width = 1; width < n; width *= 2)
    {
      for (gsize start = 0; start < n; start += 2 * width)
        {
          gsize mid = MIN (start + width, n), end = MIN (start + 2 * width, n);
          gsize i = start, j = mid, k = start;

          if (mid == end || !overdue_before (&from[mid], &from[mid - 1]))
            {
              memcpy (to + start, from + start, (end - start) * sizeof *from);
              continue;
            }
          while (i < mid && j < end)
            to[k++] = overdue_before (&from[j], &from[i]) ? from[j++] : from[i++];
          memcpy (to + k, from + i, (mid - i) * sizeof *from);
          k += mid - i;
          memcpy (to + k, from + j, (end - j) * sizeof *from);
        }
      {
        Overdue *swap = from;
        from = to;
        to = swap;
      }
    }
  if (from != items)
    memcpy (items, from, n * sizeof *items);
}

/* The ids of @overdue, the longest overdue first. */
static GArray *
overdue_ids (GArray *overdue)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), overdue->len);

  sort_overdue ((Overdue *) (gpointer) overdue->data, overdue->len);
  for (guint i = 0; i < overdue->len; i++)
    g_array_append_val (ids, g_array_index (overdue, Overdue, i).id);
  return ids;
}

/* @table: text → guint * */
static void
tally (GHashTable *table,
       const char *key)
{
  guint *count;

  key = key ? key : "";
  if ((count = g_hash_table_lookup (table, key)) == NULL)
    {
      count = g_new0 (guint, 1);
      g_hash_table_insert (table, g_strdup (key), count);
    }
  (*count)++;
}

static gint
compare_stat_counts (gconstpointer a,
                     gconstpointer b)
{
  const LinliStatCount *x = *(LinliStatCount * const *) a;
  const LinliStatCount *y = *(LinliStatCount * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->key, y->key);
}

/* The tallies as LinliStatCount, most first. */
static GPtrArray *
stat_counts (GHashTable *table)
{
  GPtrArray *counts = g_ptr_array_new_with_free_func ((GDestroyNotify) stat_count_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      LinliStatCount *count = g_new0 (LinliStatCount, 1);
      count->key = g_strdup (key);
      count->count = *(guint *) value;
      g_ptr_array_add (counts, count);
    }
  g_ptr_array_sort (counts, compare_stat_counts);
  return counts;
}

typedef struct
{
  GHashTable *by_grid;      /* grid id → LinliGridCaseCounts */
  GHashTable *categories;   /* key → count, of the cases received */
  GHashTable *sources;
  GHashTable *statuses;
  GArray     *overdue;      /* Overdue */
} CaseTally;

/* The columns every statement of count_cases() reads, in its order. */
#define CASE_TALLY_COLUMNS \
  "c.grid_id, c.reported_at, c.due_at, c.status, c.resolution_level, c.resolved_at," \
  " c.satisfaction, c.category, c.source, c.id"
/* The same for cases still open that were reported before the period:
 * they count as open at its end, and perhaps overdue, and in nothing that
 * needs the other columns, which are not read. Every report reads all of
 * them, a hundred thousand in a million cases, even for an empty year. */
#define OPEN_TALLY_COLUMNS \
  "c.grid_id, c.reported_at, c.due_at, c.status, NULL, NULL, NULL, NULL, NULL, c.id"

/* Counts every case @sql finds into @tally; ?5, if @sql has it, is
 * @cutoff. */
static gboolean
count_cases (LinliStore    *self,
             const char    *sql,
             const Bounds  *bounds,
             const char    *cutoff,
             CaseTally     *tally_,
             GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = prepare_scoped (self, sql, bounds, error)))
    return FALSE;
  if (cutoff != NULL)
    sqlite3_bind_text (stmt, 5, cutoff, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 grid_id = sqlite3_column_int64 (stmt, 0);
      const char *reported_at = (const char *) sqlite3_column_text (stmt, 1);
      LinliGridCaseCounts *row = g_hash_table_lookup (tally_->by_grid, &grid_id);

      if (row == NULL)
        {
          /* The key is the first member: grid_id 0 for no grid. */
          row = g_new0 (LinliGridCaseCounts, 1);
          row->grid_id = grid_id;
          g_hash_table_insert (tally_->by_grid, &row->grid_id, row);
        }
      if (count_case (&row->counts, bounds, reported_at,
                      (const char *) sqlite3_column_text (stmt, 2),
                      (const char *) sqlite3_column_text (stmt, 3),
                      (const char *) sqlite3_column_text (stmt, 4),
                      (const char *) sqlite3_column_text (stmt, 5),
                      (const char *) sqlite3_column_text (stmt, 6)))
        add_overdue (tally_->overdue, sqlite3_column_int64 (stmt, 9),
                     (const char *) sqlite3_column_text (stmt, 2));
      if (strcmp (reported_at, bounds->from) >= 0)
        {
          tally (tally_->categories, (const char *) sqlite3_column_text (stmt, 7));
          tally (tally_->sources, (const char *) sqlite3_column_text (stmt, 8));
          tally (tally_->statuses, (const char *) sqlite3_column_text (stmt, 3));
        }
    }
  return finish (self, stmt, rc, error);
}

/* Whether the cases reported in @bounds are few enough that reading them
 * through case_by_reported costs less than a scan of the whole table: a
 * row found through an index costs about six read in the table's order. */
static gboolean
period_is_small (LinliStore    *self,
                 const Bounds  *bounds,
                 gboolean      *small,
                 GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 n_period = 0, n_rows = 0;
  int rc;

  if (!(stmt = prepare_scoped (self, "SELECT (SELECT count(*) FROM case_record"
                                     "         WHERE reported_at >= ?1 AND reported_at < ?2),"
                                     " (SELECT max(id) FROM case_record)",
                               bounds, error)))
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      n_period = sqlite3_column_int64 (stmt, 0);
      n_rows = sqlite3_column_int64 (stmt, 1);
      rc = sqlite3_step (stmt);
    }
  *small = n_period * 6 < n_rows;
  return finish (self, stmt, rc, error);
}

/* Counts the cases of @bounds into @tally. Received in the period,
 * resolved in it, open at its end and overdue need cases from before its
 * start too: those still open (from case_open_counts, which holds every
 * column read here) and those resolved at or after the start, or after
 * the moment overdue is measured at (by case_by_resolved). An earlier case resolved before both counts in
 * nothing. The period's own cases are read through case_by_reported when
 * they are few; otherwise everything is one scan of the table in its own
 * order, counted here: a GROUP BY over a dozen conditional sums costs
 * SQLite ten times as much, and an index read of many rows is in random
 * order. */
static gboolean
count_scope (LinliStore    *self,
             const Bounds  *bounds,
             CaseTally     *tally_,
             GError       **error)
{
  const char *cutoff = strcmp (bounds->as_of, bounds->from) < 0 ? bounds->as_of : bounds->from;
  gboolean small;

  if (!period_is_small (self, bounds, &small, error))
    return FALSE;
  if (!small)
    return count_cases (self, "SELECT " CASE_TALLY_COLUMNS
                              " FROM case_record AS c NOT INDEXED"
                              " WHERE c.reported_at < ?2 AND " IN_SCOPE_GRID ("c.grid_id"),
                        bounds, NULL, tally_, error);

  return count_cases (self, "SELECT " CASE_TALLY_COLUMNS
                            " FROM case_record AS c INDEXED BY case_by_reported"
                            " WHERE c.reported_at >= ?1 AND c.reported_at < ?2"
                            " AND " IN_SCOPE_GRID ("c.grid_id"),
                      bounds, NULL, tally_, error) &&
         count_cases (self, "SELECT " OPEN_TALLY_COLUMNS
                            " FROM case_record AS c INDEXED BY case_open_counts"
                            /* As the index has them (022-open-counts-or.sql). */
                            " WHERE (status = 'registered' OR status = 'assigned' OR status = 'in-progress'"
                            "        OR status = 'escalated' OR status = 'suspended')"
                            " AND c.reported_at < ?1 AND " IN_SCOPE_GRID ("c.grid_id"),
                      bounds, NULL, tally_, error) &&
         count_cases (self, "SELECT " CASE_TALLY_COLUMNS
                            " FROM case_record AS c INDEXED BY case_by_resolved"
                            " WHERE c.resolved_at >= ?5"
                            " AND c.status IN ('resolved', 'revisited')"
                            " AND c.reported_at < ?1 AND " IN_SCOPE_GRID ("c.grid_id"),
                      bounds, cutoff, tally_, error);
}

/**
 * linli_store_case_stats:
 *
 * Returns: (transfer full): the case numbers of @scope, %NULL with @error
 *   set if the database fails
 */
LinliCaseStats *
linli_store_case_stats (LinliStore            *self,
                        const LinliStatsScope *scope,
                        GError               **error)
{
  g_auto(Bounds) bounds = { NULL, };
  g_autoptr(LinliCaseStats) stats = NULL;
  g_autoptr(GHashTable) by_grid = NULL;   /* grid id → LinliGridCaseCounts */
  g_autoptr(GHashTable) categories = NULL, sources = NULL, statuses = NULL;  /* key → count */
  g_autoptr(GArray) overdue = g_array_new (FALSE, FALSE, sizeof (Overdue));
  CaseTally tally_;
  LinliGridCaseCounts *no_grid;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);
  g_return_val_if_fail (scope != NULL && scope->from != NULL && scope->until != NULL, NULL);

  bounds_init (&bounds, self, scope);
  stats = g_new0 (LinliCaseStats, 1);
  by_grid = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  tally_ = (CaseTally) { by_grid, categories, sources, statuses, overdue };
  if (!count_scope (self, &bounds, &tally_, error))
    return NULL;
  {
    GHashTableIter iter;
    gpointer row;

    g_hash_table_iter_init (&iter, by_grid);
    while (g_hash_table_iter_next (&iter, NULL, &row))
      counts_add (&stats->total, &((LinliGridCaseCounts *) row)->counts);
  }
  stats->overdue_ids = overdue_ids (overdue);
  stats->by_category = stat_counts (categories);
  stats->by_source = stat_counts (sources);
  stats->by_status = stat_counts (statuses);

  /* The grids in their order, named; the management grids even without a
   * case, so that the table shows every one of them. */
  stats->by_grid = g_ptr_array_new_with_free_func ((GDestroyNotify) grid_case_counts_free);
  if (!(stmt = prepare_scoped (self, "SELECT id, code, name, kind FROM grid AS g"
                                     " WHERE " IN_SCOPE_GRID ("g.id")
                                     " ORDER BY kind, code COLLATE NOCASE, id",
                               &bounds, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      LinliGridCaseCounts *found = g_hash_table_lookup (by_grid, &id);
      LinliGridCaseCounts *row = g_new0 (LinliGridCaseCounts, 1);

      row->grid_id = id;
      row->code = column_dup (stmt, 1);
      row->name = column_dup (stmt, 2);
      if (found != NULL)
        row->counts = found->counts;
      if (scope->grid_id == 0 && counts_empty (&row->counts) &&
          column_enum (stmt, 3, LINLI_TYPE_GRID_KIND) != LINLI_GRID_KIND_MANAGEMENT)
        {
          grid_case_counts_free (row);
          continue;
        }
      g_ptr_array_add (stats->by_grid, row);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;
  {
    gint64 none = 0;
    no_grid = g_hash_table_lookup (by_grid, &none);
  }
  /* Shown when it has a case to count, whichever way they were read. */
  if (no_grid != NULL && scope->grid_id == 0 && !counts_empty (&no_grid->counts))
    {
      LinliGridCaseCounts *row = g_new0 (LinliGridCaseCounts, 1);
      row->counts = no_grid->counts;
      g_ptr_array_add (stats->by_grid, row);
    }

  return g_steal_pointer (&stats);
}

/* ------------------------------------------------------------------------ */

static void
case_row_free (LinliCaseRow *row)
{
  g_free (row->number);
  g_free (row->title);
  g_free (row->category);
  g_free (row->subcategory);
  g_free (row->source);
  g_free (row->address);
  g_free (row->grid_code);
  g_free (row->grid_name);
  g_free (row->worker_name);
  g_free (row->responsible_unit);
  g_clear_pointer (&row->reported_at, g_date_time_unref);
  g_clear_pointer (&row->due_at, g_date_time_unref);
  g_clear_pointer (&row->resolved_at, g_date_time_unref);
  g_free (row);
}

#define CASE_ROW_COLUMNS \
  "c.id, c.number, c.title, c.category, c.subcategory, c.source, c.address," \
  " c.grid_id, g.code, g.name, w.name, c.responsible_unit, c.status, c.urgency," \
  " c.resolution_level, c.satisfaction, c.reported_at, c.due_at, c.resolved_at"
#define CASE_ROW_JOINS \
  " LEFT JOIN grid AS g ON g.id = c.grid_id LEFT JOIN worker AS w ON w.id = c.worker_id"

static LinliCaseRow *
read_case_row (sqlite3_stmt *stmt,
               int           i)
{
  LinliCaseRow *row = g_new0 (LinliCaseRow, 1);

  row->id = sqlite3_column_int64 (stmt, i++);
  row->number = column_dup (stmt, i++);
  row->title = column_dup (stmt, i++);
  row->category = column_dup (stmt, i++);
  row->subcategory = column_dup (stmt, i++);
  row->source = column_dup (stmt, i++);
  row->address = column_dup (stmt, i++);
  row->grid_id = sqlite3_column_int64 (stmt, i++);
  row->grid_code = column_dup (stmt, i++);
  row->grid_name = column_dup (stmt, i++);
  row->worker_name = column_dup (stmt, i++);
  row->responsible_unit = column_dup (stmt, i++);
  row->status = column_enum (stmt, i++, LINLI_TYPE_CASE_STATUS);
  row->urgency = column_enum (stmt, i++, LINLI_TYPE_URGENCY);
  row->resolution_level = column_enum (stmt, i++, LINLI_TYPE_RESOLUTION_LEVEL);
  row->satisfaction = column_enum (stmt, i++, LINLI_TYPE_SATISFACTION);
  row->reported_at = column_time (stmt, i++);
  row->due_at = column_time (stmt, i++);
  row->resolved_at = column_time (stmt, i++);
  return row;
}

static GPtrArray *
read_case_rows (LinliStore    *store,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) case_row_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_case_row (stmt, 0));
  if (!finish (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&rows);
}

GPtrArray *
linli_store_overdue_cases (LinliStore            *self,
                           const LinliStatsScope *scope,
                           guint                  limit,
                           GError               **error)
{
  g_auto(Bounds) bounds = { NULL, };
  g_autoptr(GArray) overdue = g_array_new (FALSE, FALSE, sizeof (Overdue));
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);
  g_return_val_if_fail (scope != NULL && scope->from != NULL && scope->until != NULL, NULL);

  /* Chosen as linli_store_case_stats() counts them, then read whole. */
  bounds_init (&bounds, self, scope);
  if (!(stmt = prepare_scoped (self, "SELECT c.id, c.reported_at, c.due_at, c.status, c.resolved_at"
                                     " FROM case_record AS c NOT INDEXED"
                                     " WHERE c.reported_at < ?4 AND c.due_at < ?4"
                                     " AND " IN_SCOPE_GRID ("c.grid_id"),
                               &bounds, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (is_overdue (&bounds, (const char *) sqlite3_column_text (stmt, 1),
                    (const char *) sqlite3_column_text (stmt, 2),
                    (const char *) sqlite3_column_text (stmt, 3),
                    (const char *) sqlite3_column_text (stmt, 4)))
      add_overdue (overdue, sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 2));
  if (!finish (self, stmt, rc, error))
    return NULL;

  ids = overdue_ids (overdue);
  return linli_store_case_rows (self, (const gint64 *) (gpointer) ids->data,
                                limit > 0 ? MIN (limit, ids->len) : ids->len, error);
}

GPtrArray *
linli_store_case_rows (LinliStore    *self,
                       const gint64  *ids,
                       guint          n_ids,
                       GError       **error)
{
  g_autoptr(GString) json = g_string_sized_new (n_ids * 8 + 2);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  /* One query for any number of ids: the ids as a JSON array, its order
   * kept by json_each's key. */
  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (json, ']');

  if (!(stmt = linli_store_prepare (self, "SELECT " CASE_ROW_COLUMNS
                                          " FROM json_each (?1) AS j"
                                          " JOIN case_record AS c ON c.id = j.value" CASE_ROW_JOINS
                                          " ORDER BY j.key", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, json->str, (int) json->len, SQLITE_STATIC);
  return read_case_rows (self, stmt, error);
}

/* ------------------------------------------------------------------------ */

static void
ledger_worker_free (LinliLedgerWorker *worker)
{
  g_free (worker->name);
  g_free (worker->phone);
  g_free (worker);
}

static void
grid_ledger_free (LinliGridLedger *ledger)
{
  g_free (ledger->code);
  g_free (ledger->name);
  g_clear_pointer (&ledger->workers, g_ptr_array_unref);
  g_clear_pointer (&ledger->buildings, g_ptr_array_unref);
  g_clear_pointer (&ledger->cases, g_ptr_array_unref);
  g_free (ledger);
}

GPtrArray *
linli_store_grid_ledgers (LinliStore            *self,
                          const LinliStatsScope *scope,
                          GError               **error)
{
  g_auto(Bounds) bounds = { NULL, };
  g_autoptr(GPtrArray) ledgers = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);
  g_return_val_if_fail (scope != NULL && scope->from != NULL && scope->until != NULL, NULL);

  bounds_init (&bounds, self, scope);
  ledgers = g_ptr_array_new_with_free_func ((GDestroyNotify) grid_ledger_free);

  if (!(stmt = prepare_scoped (self, "SELECT id, code, name, kind, households, population FROM grid AS g"
                                     " WHERE " IN_SCOPE_GRID ("g.id")
                                     " ORDER BY kind, code COLLATE NOCASE, id",
                               &bounds, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LinliGridLedger *ledger = g_new0 (LinliGridLedger, 1);

      ledger->grid_id = sqlite3_column_int64 (stmt, 0);
      ledger->code = column_dup (stmt, 1);
      ledger->name = column_dup (stmt, 2);
      ledger->kind = column_enum (stmt, 3, LINLI_TYPE_GRID_KIND);
      ledger->households = sqlite3_column_int64 (stmt, 4);
      ledger->population = sqlite3_column_int64 (stmt, 5);
      ledger->workers = g_ptr_array_new_with_free_func ((GDestroyNotify) ledger_worker_free);
      ledger->buildings = g_ptr_array_new_with_free_func (g_free);
      ledger->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) case_row_free);
      g_ptr_array_add (ledgers, ledger);
      g_hash_table_insert (by_id, &ledger->grid_id, ledger);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;

  if (!(stmt = prepare_scoped (self, "SELECT gw.grid_id, w.name, w.role, w.phone"
                                     " FROM grid_worker AS gw JOIN worker AS w ON w.id = gw.worker_id"
                                     " WHERE " IN_SCOPE_GRID ("gw.grid_id")
                                     " ORDER BY w.role, w.name, w.id",
                               &bounds, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      LinliGridLedger *ledger = g_hash_table_lookup (by_id, &id);
      LinliLedgerWorker *worker;

      if (ledger == NULL)
        continue;
      worker = g_new0 (LinliLedgerWorker, 1);
      worker->name = column_dup (stmt, 1);
      worker->role = column_enum (stmt, 2, LINLI_TYPE_WORKER_ROLE);
      worker->phone = column_dup (stmt, 3);
      g_ptr_array_add (ledger->workers, worker);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;

  if (!(stmt = prepare_scoped (self, "SELECT b.grid_id, b.name, b.households FROM building AS b"
                                     " WHERE b.grid_id IS NOT NULL AND " IN_SCOPE_GRID ("b.grid_id")
                                     " ORDER BY b.grid_id, length (b.name), b.name, b.id",
                               &bounds, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      LinliGridLedger *ledger = g_hash_table_lookup (by_id, &id);

      if (ledger == NULL)
        continue;
      g_ptr_array_add (ledger->buildings, column_dup (stmt, 1));
      ledger->building_households += sqlite3_column_int64 (stmt, 2);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;

  if (!(stmt = prepare_scoped (self, "SELECT " CASE_ROW_COLUMNS " FROM case_record AS c" CASE_ROW_JOINS
                                     " WHERE c.reported_at >= ?1 AND c.reported_at < ?2"
                                     " AND c.grid_id IS NOT NULL AND " IN_SCOPE_GRID ("c.grid_id")
                                     " ORDER BY c.reported_at, c.id",
                               &bounds, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 7);
      LinliGridLedger *ledger = g_hash_table_lookup (by_id, &id);

      if (ledger != NULL)
        g_ptr_array_add (ledger->cases, read_case_row (stmt, 0));
    }
  if (!finish (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&ledgers);
}

/* ------------------------------------------------------------------------ */

static void
activity_row_free (LinliActivityRow *row)
{
  g_clear_pointer (&row->start_at, g_date_time_unref);
  g_free (row->title);
  g_free (row->type);
  g_free (row->venue);
  g_free (row->grid_name);
  g_free (row);
}

static void
volunteer_activity_free (LinliVolunteerActivity *activity)
{
  g_clear_pointer (&activity->start_at, g_date_time_unref);
  g_free (activity->title);
  g_free (activity->role);
  g_free (activity);
}

static void
volunteer_hours_free (LinliVolunteerHours *hours)
{
  g_free (hours->name);
  g_free (hours->number);
  g_clear_pointer (&hours->activities, g_ptr_array_unref);
  g_free (hours);
}

void
linli_activity_stats_free (LinliActivityStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->activities, g_ptr_array_unref);
  g_clear_pointer (&stats->top_volunteers, g_ptr_array_unref);
  g_free (stats);
}

#define ACTIVITY_IN_SCOPE(a) \
  a ".start_at >= ?1 AND " a ".start_at < ?2 AND " a ".status <> 'cancelled'" \
  " AND " IN_SCOPE_GRID (a ".grid_id")

LinliActivityStats *
linli_store_activity_stats (LinliStore            *self,
                            const LinliStatsScope *scope,
                            guint                  n_top,
                            GError               **error)
{
  g_auto(Bounds) bounds = { NULL, };
  g_autoptr(LinliActivityStats) stats = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);
  g_return_val_if_fail (scope != NULL && scope->from != NULL && scope->until != NULL, NULL);

  bounds_init (&bounds, self, scope);
  stats = g_new0 (LinliActivityStats, 1);
  stats->activities = g_ptr_array_new_with_free_func ((GDestroyNotify) activity_row_free);
  stats->top_volunteers = g_ptr_array_new_with_free_func ((GDestroyNotify) volunteer_hours_free);

  if (!(stmt = prepare_scoped (self, "SELECT a.id, a.start_at, a.title, a.type, a.venue, g.name,"
                                     " a.status, a.beneficiaries,"
                                     " (SELECT count(*) FROM participation AS p WHERE p.activity_id = a.id),"
                                     " (SELECT total(hours) FROM participation AS p WHERE p.activity_id = a.id)"
                                     " FROM activity AS a LEFT JOIN grid AS g ON g.id = a.grid_id"
                                     " WHERE " ACTIVITY_IN_SCOPE ("a")
                                     " ORDER BY a.start_at, a.id",
                               &bounds, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LinliActivityRow *row = g_new0 (LinliActivityRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->start_at = column_time (stmt, 1);
      row->title = column_dup (stmt, 2);
      row->type = column_dup (stmt, 3);
      row->venue = column_dup (stmt, 4);
      row->grid_name = column_dup (stmt, 5);
      row->status = column_enum (stmt, 6, LINLI_TYPE_ACTIVITY_STATUS);
      row->beneficiaries = sqlite3_column_int (stmt, 7);
      row->volunteers = sqlite3_column_int (stmt, 8);
      row->hours = sqlite3_column_double (stmt, 9);
      stats->participations += row->volunteers;
      stats->hours += row->hours;
      stats->beneficiaries += row->beneficiaries;
      g_ptr_array_add (stats->activities, row);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;

  /* Every volunteer of the period, most hours first: the count of them,
   * and the first n_top kept. */
  if (!(stmt = prepare_scoped (self, "SELECT v.id, v.name, v.number, count(*), total(p.hours)"
                                     " FROM activity AS a JOIN participation AS p ON p.activity_id = a.id"
                                     " JOIN volunteer AS v ON v.id = p.volunteer_id"
                                     " WHERE " ACTIVITY_IN_SCOPE ("a")
                                     " GROUP BY v.id ORDER BY 5 DESC, 4 DESC, v.name, v.id",
                               &bounds, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LinliVolunteerHours *hours;

      if (stats->volunteers++ >= n_top)
        continue;
      hours = g_new0 (LinliVolunteerHours, 1);
      hours->volunteer_id = sqlite3_column_int64 (stmt, 0);
      hours->name = column_dup (stmt, 1);
      hours->number = column_dup (stmt, 2);
      hours->n_activities = sqlite3_column_int (stmt, 3);
      hours->hours = sqlite3_column_double (stmt, 4);
      g_ptr_array_add (stats->top_volunteers, hours);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&stats);
}

static gint
compare_hours (gconstpointer a,
               gconstpointer b)
{
  const LinliVolunteerHours *x = *(LinliVolunteerHours * const *) a;
  const LinliVolunteerHours *y = *(LinliVolunteerHours * const *) b;

  if (x->hours != y->hours)
    return x->hours > y->hours ? -1 : 1;
  if (x->n_activities != y->n_activities)
    return x->n_activities > y->n_activities ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

GPtrArray *
linli_store_volunteer_hours (LinliStore            *self,
                             const LinliStatsScope *scope,
                             GError               **error)
{
  g_auto(Bounds) bounds = { NULL, };
  g_autoptr(GPtrArray) volunteers = NULL;
  LinliVolunteerHours *current = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);
  g_return_val_if_fail (scope != NULL && scope->from != NULL && scope->until != NULL, NULL);

  bounds_init (&bounds, self, scope);
  volunteers = g_ptr_array_new_with_free_func ((GDestroyNotify) volunteer_hours_free);

  /* One row per participation, a volunteer's rows together. */
  if (!(stmt = prepare_scoped (self, "SELECT v.id, v.name, v.number, a.id, a.start_at, a.title, p.role, p.hours"
                                     " FROM activity AS a JOIN participation AS p ON p.activity_id = a.id"
                                     " JOIN volunteer AS v ON v.id = p.volunteer_id"
                                     " WHERE " ACTIVITY_IN_SCOPE ("a")
                                     " ORDER BY v.id, a.start_at, a.id",
                               &bounds, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      LinliVolunteerActivity *activity;

      if (current == NULL || current->volunteer_id != id)
        {
          current = g_new0 (LinliVolunteerHours, 1);
          current->volunteer_id = id;
          current->name = column_dup (stmt, 1);
          current->number = column_dup (stmt, 2);
          current->activities = g_ptr_array_new_with_free_func ((GDestroyNotify) volunteer_activity_free);
          g_ptr_array_add (volunteers, current);
        }
      activity = g_new0 (LinliVolunteerActivity, 1);
      activity->activity_id = sqlite3_column_int64 (stmt, 3);
      activity->start_at = column_time (stmt, 4);
      activity->title = column_dup (stmt, 5);
      activity->role = column_dup (stmt, 6);
      activity->hours = sqlite3_column_double (stmt, 7);
      current->n_activities++;
      current->hours += activity->hours;
      g_ptr_array_add (current->activities, activity);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;

  g_ptr_array_sort (volunteers, compare_hours);
  return g_steal_pointer (&volunteers);
}

/* ------------------------------------------------------------------------ */

static void
outreach_row_free (LinliOutreachRow *row)
{
  g_clear_pointer (&row->start_at, g_date_time_unref);
  g_free (row->title);
  g_free (row->venue);
  g_strfreev (row->target_groups);
  g_free (row);
}

static void
outreach_group_free (LinliOutreachGroup *group)
{
  g_free (group->name);
  g_free (group);
}

void
linli_outreach_stats_free (LinliOutreachStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->events, g_ptr_array_unref);
  g_clear_pointer (&stats->by_target_group, g_ptr_array_unref);
  g_free (stats);
}

#define OUTREACH_IN_SCOPE(o) \
  o ".start_at >= ?1 AND " o ".start_at < ?2 AND " IN_SCOPE_GRID (o ".grid_id")

LinliOutreachStats *
linli_store_outreach_stats (LinliStore            *self,
                            const LinliStatsScope *scope,
                            GError               **error)
{
  g_auto(Bounds) bounds = { NULL, };
  g_autoptr(LinliOutreachStats) stats = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LINLI_IS_STORE (self), NULL);
  g_return_val_if_fail (scope != NULL && scope->from != NULL && scope->until != NULL, NULL);

  bounds_init (&bounds, self, scope);
  stats = g_new0 (LinliOutreachStats, 1);
  stats->events = g_ptr_array_new_with_free_func ((GDestroyNotify) outreach_row_free);
  stats->by_target_group = g_ptr_array_new_with_free_func ((GDestroyNotify) outreach_group_free);

  if (!(stmt = prepare_scoped (self, "SELECT o.id, o.start_at, o.title, o.venue, o.format,"
                                     " o.attendees, o.leaflets, o.app_installs, o.consultations,"
                                     " (SELECT group_concat (name, char(31)) FROM"
                                     "   (SELECT name FROM outreach_target_group AS t"
                                     "    WHERE t.outreach_id = o.id ORDER BY name))"
                                     " FROM outreach AS o WHERE " OUTREACH_IN_SCOPE ("o")
                                     " ORDER BY o.start_at, o.id",
                               &bounds, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LinliOutreachRow *row = g_new0 (LinliOutreachRow, 1);
      const char *groups = (const char *) sqlite3_column_text (stmt, 9);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->start_at = column_time (stmt, 1);
      row->title = column_dup (stmt, 2);
      row->venue = column_dup (stmt, 3);
      row->format = column_enum (stmt, 4, LINLI_TYPE_OUTREACH_FORMAT);
      row->attendees = sqlite3_column_int (stmt, 5);
      row->leaflets = sqlite3_column_int (stmt, 6);
      row->app_installs = sqlite3_column_int (stmt, 7);
      row->consultations = sqlite3_column_int (stmt, 8);
      row->target_groups = groups ? g_strsplit (groups, "\x1f", -1) : g_new0 (char *, 1);
      stats->attendees += row->attendees;
      stats->leaflets += row->leaflets;
      stats->app_installs += row->app_installs;
      stats->consultations += row->consultations;
      g_ptr_array_add (stats->events, row);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;

  if (!(stmt = prepare_scoped (self, "SELECT t.name, count(*), sum(o.attendees), sum(o.leaflets),"
                                     " sum(o.app_installs)"
                                     " FROM outreach AS o JOIN outreach_target_group AS t ON t.outreach_id = o.id"
                                     " WHERE " OUTREACH_IN_SCOPE ("o")
                                     " GROUP BY t.name ORDER BY 3 DESC, 2 DESC, t.name",
                               &bounds, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LinliOutreachGroup *group = g_new0 (LinliOutreachGroup, 1);

      group->name = column_dup (stmt, 0);
      group->events = sqlite3_column_int (stmt, 1);
      group->attendees = sqlite3_column_int (stmt, 2);
      group->leaflets = sqlite3_column_int (stmt, 3);
      group->app_installs = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (stats->by_target_group, group);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&stats);
}
