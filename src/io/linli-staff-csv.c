/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-staff-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "linli-case-rules.h"
#include "linli-event-csv.h"
#include "linli-staff.h"
#include "linli-staff-csv.h"
#include "linli-text.h"

/* The headers are the office's words, the same in every locale; the
 * labels are what the import preview calls the fields, translated. */
static const LinliCsvField staff_fields[LINLI_N_STAFF_FIELDS] = {
  { "姓名", NC_("csv field", "Name"), "人员|人员姓名|工作人员|网格员|name", TRUE },
  { "角色", NC_("csv field", "Role"), "职务|岗位|身份|人员类别|类别|role|title", FALSE },
  { "联系电话", NC_("csv field", "Phone"), "电话|手机|手机号|手机号码|联系方式|phone|mobile", FALSE },
  { "负责网格", NC_("csv field", "Grids"), "网格|所属网格|分管网格|grid|grids", FALSE },
  { "备注", NC_("csv field", "Notes"), "说明|notes", FALSE },
};

/* The words offices use for each role, '|' between them; anything else
 * is a role the office names itself. */
static const struct {
  LinliWorkerRole role;
  const char     *words;
} role_words[] = {
  { LINLI_WORKER_ROLE_GRID_WORKER, "网格员|专职网格员|兼职网格员|网格长|grid worker|grid-worker" },
  { LINLI_WORKER_ROLE_SENTIMENT_SECRETARY, "民情书记|public sentiment secretary|sentiment-secretary" },
  { LINLI_WORKER_ROLE_COMMITTEE_MEMBER, "社区两委|两委|两委成员|两委委员|居委会委员|委员|committee member|committee-member" },
  { LINLI_WORKER_ROLE_FULL_TIME, "专职工作者|社区专职工作者|社区工作者|专职社工|full-time community worker|full-time" },
};

LinliCsvMapping *
linli_staff_csv_mapping_new (LinliCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  return linli_csv_mapping_new (table, staff_fields, LINLI_N_STAFF_FIELDS);
}

/**
 * linli_staff_csv_parse_role:
 * @role: (out): the role @text names
 *
 * Returns: whether @text is one of the usual words for a role (in either
 *   language); %FALSE for a role the office names itself
 */
gboolean
linli_staff_csv_parse_role (const char      *text,
                            LinliWorkerRole *role)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (role != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  g_strstrip (folded);
  for (guint i = 0; i < G_N_ELEMENTS (role_words); i++)
    {
      g_auto(GStrv) words = g_strsplit (role_words[i].words, "|", -1);
      g_autofree char *label = g_utf8_casefold (linli_worker_role_label (role_words[i].role), -1);

      if (g_str_equal (folded, label) || g_strv_contains ((const char * const *) words, folded))
        {
          *role = role_words[i].role;
          return TRUE;
        }
    }
  return FALSE;
}

static void add_error (GPtrArray  *errors,
                       guint       line,
                       const char *format,
                       ...) G_GNUC_PRINTF (3, 4);

static void
add_error (GPtrArray  *errors,
           guint       line,
           const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (errors, linli_csv_row_error_new (line, g_strdup_vprintf (format, args)));
  va_end (args);
}

/* Grids by name and by code. */
static GHashTable *
grid_index (LinliStore *store)
{
  g_autoptr(GListModel) grids = linli_store_list (store, LINLI_TYPE_GRID);
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      gpointer id = GSIZE_TO_POINTER ((gsize) linli_record_get_id (grid));
      const char *code = linli_record_get_text (grid, "code");
      const char *name = linli_record_get_text (grid, "name");

      if (code != NULL)
        g_hash_table_insert (index, g_strdup (code), id);
      if (name != NULL)
        g_hash_table_insert (index, g_strdup (name), id);
    }
  return index;
}

/* The same person is the same name with the same phone (or none). */
static char *
person_key (const char *name,
            const char *phone)
{
  return g_strdup_printf ("%s\x1f%s", name, phone ? phone : "");
}

static gboolean
check (LinliStore      *store,
       LinliCsvMapping *mapping,
       GPtrArray       *workers,
       GPtrArray       *errors)
{
  LinliCsvTable *table = linli_csv_mapping_get_table (mapping);
  g_autoptr(GHashTable) grids = grid_index (store);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListModel) stored = linli_store_list (store, LINLI_TYPE_WORKER);

  for (guint i = 0; i < g_list_model_get_n_items (stored); i++)
    {
      g_autoptr(LinliRecord) worker = g_list_model_get_item (stored, i);
      g_hash_table_insert (known, person_key (linli_record_get_text (worker, "name"),
                                              linli_record_get_text (worker, "phone")),
                           GUINT_TO_POINTER (0));
    }

  for (guint row = 0; row < linli_csv_table_get_n_rows (table); row++)
    {
      guint line = linli_csv_table_get_line (table, row);
      g_autofree char *name = linli_csv_mapping_dup_cell (mapping, row, LINLI_STAFF_FIELD_NAME);
      g_autofree char *role_text = linli_csv_mapping_dup_cell (mapping, row, LINLI_STAFF_FIELD_ROLE);
      g_autofree char *phone = linli_csv_mapping_dup_cell (mapping, row, LINLI_STAFF_FIELD_PHONE);
      g_autofree char *grid_text = linli_csv_mapping_dup_cell (mapping, row, LINLI_STAFF_FIELD_GRIDS);
      g_autofree char *notes = linli_csv_mapping_dup_cell (mapping, row, LINLI_STAFF_FIELD_NOTES);
      g_autofree char *wide_phone = linli_text_fold_width (phone, LINLI_WIDTH_NUMBER);
      g_autofree char *normal_phone = NULL;
      g_autofree char *key = NULL;
      g_autoptr(GArray) grid_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(LinliRecord) worker = NULL;
      LinliWorkerRole role = LINLI_WORKER_ROLE_GRID_WORKER;
      gboolean ok = TRUE;

      if (name == NULL)
        {
          add_error (errors, line, _("Line %u: the name is empty."), line);
          continue;
        }
      if (wide_phone != NULL && (normal_phone = linli_phone_normalize (wide_phone)) == NULL)
        {
          add_error (errors, line, _("Line %u: “%s” is neither an 11-digit mobile number nor a landline number with its area code, like 0537-1234567."),
                     line, phone);
          ok = FALSE;
        }
      if (grid_text != NULL)
        {
          g_auto(GStrv) names = g_regex_split_simple ("[、,，;；/ ]+", grid_text, 0, 0);
          for (guint i = 0; names[i] != NULL; i++)
            {
              gpointer id;
              gint64 grid_id;

              if (*names[i] == '\0')
                continue;
              if (!g_hash_table_lookup_extended (grids, names[i], NULL, &id))
                {
                  add_error (errors, line, _("Line %u: there is no grid “%s”. Draw or import the grids first, or leave the cell empty."),
                             line, names[i]);
                  ok = FALSE;
                  continue;
                }
              grid_id = (gint64) GPOINTER_TO_SIZE (id);
              g_array_append_val (grid_ids, grid_id);
            }
        }
      key = person_key (name, normal_phone);
      if (g_hash_table_contains (known, key))
        {
          guint other = GPOINTER_TO_UINT (g_hash_table_lookup (known, key));
          if (other == 0)
            add_error (errors, line, _("Line %u: %s is in the staff register already."), line, name);
          else
            add_error (errors, line, _("Line %u: %s is on line %u too."), line, name, other);
          ok = FALSE;
        }
      else
        g_hash_table_insert (known, g_steal_pointer (&key), GUINT_TO_POINTER (line));
      if (!ok)
        continue;

      worker = linli_record_new (LINLI_TYPE_WORKER);
      linli_record_set_text (worker, "name", name);
      if (role_text != NULL && !linli_staff_csv_parse_role (role_text, &role))
        {
          role = LINLI_WORKER_ROLE_OTHER;
          linli_record_set_text (worker, "role_title", role_text);
        }
      linli_record_set_enum (worker, "role", role);
      linli_record_set_text (worker, "phone", normal_phone);
      linli_record_set_text (worker, "notes", notes);
      linli_record_set_refs (worker, "grids", (const gint64 *) (gpointer) grid_ids->data, grid_ids->len);
      g_ptr_array_add (workers, g_steal_pointer (&worker));
    }
  return errors->len == 0;
}

static int
compare_errors (gconstpointer a,
                gconstpointer b)
{
  const LinliCsvRowError *x = *(LinliCsvRowError **) a;
  const LinliCsvRowError *y = *(LinliCsvRowError **) b;

  return x->line < y->line ? -1 : x->line > y->line;
}

/**
 * linli_staff_csv_run:
 * @write: whether to write the people, or only check the rows
 * @row_errors: (out) (optional) (transfer container) (element-type LinliCsvRowError):
 *   every problem, by line; %NULL when there is none
 * @n_imported: (out) (optional): the people written
 *
 * Checks every row, and with @write imports them all in one transaction,
 * or none. A role the usual words do not name is kept as a role of the
 * office's own, by its name.
 */
gboolean
linli_staff_csv_run (LinliStore       *store,
                     LinliCsvMapping  *mapping,
                     gboolean          write,
                     GPtrArray       **row_errors,
                     guint            *n_imported,
                     GError          **error)
{
  return linli_staff_csv_run_full (store, mapping, write, NULL, NULL, NULL, row_errors, n_imported, error);
}

/**
 * linli_staff_csv_run_full:
 * @store: the store, or a writer of it (linli_store_open_writer()), in a
 *   thread of its own
 * @count: (nullable) (scope call): told of the people written, now and then
 * @cancellable: (nullable): stops the import, which then writes no one,
 *   even in the middle of the write
 *
 * linli_staff_csv_run(), with its progress told and Cancel.
 */
gboolean
linli_staff_csv_run_full (LinliStore       *store,
                          LinliCsvMapping  *mapping,
                          gboolean          write,
                          LinliCountFunc    count,
                          gpointer          count_data,
                          GCancellable     *cancellable,
                          GPtrArray       **row_errors,
                          guint            *n_imported,
                          GError          **error)
{
  g_autoptr(GPtrArray) workers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) linli_csv_row_error_free);

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (LINLI_IS_CSV_MAPPING (mapping), FALSE);

  if (row_errors != NULL)
    *row_errors = NULL;
  if (n_imported != NULL)
    *n_imported = 0;
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !linli_csv_mapping_check (mapping, error))
    return FALSE;

  if (!check (store, mapping, workers, errors))
    {
      g_ptr_array_sort (errors, compare_errors);
      g_set_error (error, LINLI_EVENT_CSV_ERROR, LINLI_EVENT_CSV_ERROR_ROWS,
                   g_dngettext (GETTEXT_PACKAGE, "%u row is wrong: nothing was imported.",
                                "%u rows are wrong: nothing was imported.", errors->len),
                   errors->len);
      if (row_errors != NULL)
        *row_errors = g_steal_pointer (&errors);
      return FALSE;
    }
  if (write)
    {
      if (!linli_staff_insert_all (store, workers, count, count_data, cancellable, error))
        return FALSE;
    }
  if (n_imported != NULL)
    *n_imported = workers->len;
  return TRUE;
}
