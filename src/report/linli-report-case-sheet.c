/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-report-case-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "linli-mask.h"
#include "linli-report-private.h"

/* The case sheet (民情事件处理单): one case on paper for the file, with its
 * whole 民情日记. */

/* The name of a record @id points at, NULL for none. */
static char *
dup_name (LinliStore *store,
          GType       type,
          gint64      id)
{
  g_autoptr(LinliRecord) record = NULL;

  if (id == 0 || !(record = linli_store_get (store, type, id, NULL)))
    return NULL;
  return g_strdup (linli_record_get_text (record, "name"));
}

static const char *
status_label (const char *nick)
{
  g_autoptr(GEnumClass) statuses = g_type_class_ref (LINLI_TYPE_CASE_STATUS);
  GEnumValue *value = nick ? g_enum_get_value_by_nick (statuses, nick) : NULL;

  return value ? linli_case_status_label (value->value) : nick;
}

static char *
worker_of_value (LinliStore *store,
                 const char *value)
{
  char *name = value ? dup_name (store, LINLI_TYPE_WORKER, g_ascii_strtoll (value, NULL, 10)) : NULL;

  return name ? name : g_strdup (C_("diary", "Unassigned"));
}

/* What an entry of the timeline says: a change from one value to another,
 * and the words written with it. */
static char *
event_text (LinliStore  *store,
            LinliRecord *event)
{
  const char *from = linli_record_get_text (event, "from_value");
  const char *to = linli_record_get_text (event, "to_value");
  const char *text = linli_record_get_text (event, "text");
  g_autofree char *change = NULL;

  switch (linli_record_get_enum (event, "kind"))
    {
    case LINLI_DIARY_ENTRY_KIND_STATUS:
      if (from != NULL)
        /* TRANSLATORS: a change in a case's timeline: before → after */
        change = g_strdup_printf (_("%1$s → %2$s"), status_label (from), status_label (to));
      else if (to != NULL)
        change = g_strdup (status_label (to));
      break;
    case LINLI_DIARY_ENTRY_KIND_ASSIGNMENT:
      {
        g_autofree char *before = worker_of_value (store, from);
        g_autofree char *after = worker_of_value (store, to);
        change = g_strdup_printf (_("%1$s → %2$s"), before, after);
      }
      break;
    case LINLI_DIARY_ENTRY_KIND_CORRECTION:
      {
        g_autoptr(LinliRecord) corrected = linli_store_get (store, LINLI_TYPE_DIARY_ENTRY,
                                                            linli_record_get_int (event, "corrects_id"), NULL);
        g_autofree char *when = corrected ? linli_report_format_time (linli_record_get_datetime (corrected, "at")) : NULL;
        /* TRANSLATORS: a correction in a case's timeline: the time of the
         * entry it puts right, then the right words */
        return g_strdup_printf (_("Corrects the entry of %1$s: %2$s"), when ? when : "?", text ? text : "");
      }
    default:
      break;
    }

  if (change != NULL && text != NULL && *text != '\0')
    /* TRANSLATORS: a change in a case's timeline, then what was written with it */
    return g_strdup_printf (_("%1$s. %2$s"), change, text);
  return g_strdup (change ? change : text ? text : "");
}

static void
add_timeline (LinliReportDoc *doc,
              LinliStore     *store,
              gint64          case_id)
{
  const LinliReportColumn columns[] = {
    { C_("report column", "Time"), 1.6, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Entry"), 1, LINLI_REPORT_ALIGN_START },
    { C_("report column", "By"), 1, LINLI_REPORT_ALIGN_START },
    { C_("report column", "What happened"), 3.5, LINLI_REPORT_ALIGN_START },
  };
  g_autoptr(GListModel) events = linli_store_list_diary_entries (store, case_id);
  g_autoptr(GHashTable) workers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint n = g_list_model_get_n_items (events);
  LinliReportTable *table;

  linli_report_doc_add_heading (doc, 2, _("Handling record"));
  if (n == 0)
    {
      linli_report_doc_add_paragraph (doc, _("Nothing has been recorded yet."));
      return;
    }
  table = linli_report_doc_add_table (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LinliRecord) event = g_list_model_get_item (events, i);
      gint64 worker = linli_record_get_int (event, "worker_id");
      const char *name = NULL;

      if (worker != 0 && !g_hash_table_lookup_extended (workers, &worker, NULL, (gpointer *) &name))
        {
          name = dup_name (store, LINLI_TYPE_WORKER, worker);
          g_hash_table_insert (workers, g_memdup2 (&worker, sizeof worker), (gpointer) name);
        }
      linli_report_add_row (table, FALSE,
                            linli_report_format_time (linli_record_get_datetime (event, "at")),
                            g_strdup (linli_diary_entry_kind_label (linli_record_get_enum (event, "kind"))),
                            linli_report_cell (name),
                            event_text (store, event));
    }
}

static void
add_text_section (LinliReportDoc *doc,
                  const char     *heading,
                  const char     *text)
{
  if (text == NULL || *text == '\0')
    return;
  linli_report_doc_add_heading (doc, 2, heading);
  linli_report_doc_add_paragraph (doc, text);
}

LinliReportDoc *
linli_report_build_case_sheet (LinliStore  *store,
                               gint64       case_id,
                               gboolean     show_personal,
                               GError     **error)
{
  g_autoptr(LinliRecord) record = NULL;
  g_autoptr(LinliRecord) reporter = NULL;
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autofree char *community = NULL, *subtitle = NULL, *place = NULL, *category = NULL;
  g_autofree char *grid = NULL, *worker = NULL, *building = NULL;
  g_autofree char *reporter_name = NULL, *reporter_phone = NULL;
  const LinliReportColumn columns[] = {
    { C_("report column", "Item"), 1, LINLI_REPORT_ALIGN_START },
    { C_("report column", "Details"), 3.5, LINLI_REPORT_ALIGN_START },
  };
  LinliReportTable *fields;
  gint64 grid_id;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  if (!(record = linli_store_get (store, LINLI_TYPE_CASE, case_id, error)))
    return NULL;

  community = linli_report_community_name (store);
  doc = linli_report_doc_new (_("Residents' Case Sheet"));
  /* TRANSLATORS: under the case sheet's title: the community, the case's number */
  subtitle = g_strdup_printf (_("%1$s    No. %2$s"), community, linli_record_get_text (record, "number"));
  linli_report_doc_set_subtitle (doc, subtitle);
  linli_report_doc_set_author (doc, community);
  linli_report_doc_set_subject (doc, linli_record_get_text (record, "number"));

  if (linli_record_get_int (record, "reporter_id") != 0)
    reporter = linli_store_get (store, LINLI_TYPE_RESIDENT, linli_record_get_int (record, "reporter_id"), NULL);
  if (reporter == NULL)
    reporter_name = g_strdup (_("Anonymous"));
  else if (show_personal)
    {
      reporter_name = g_strdup (linli_record_get_text (reporter, "name"));
      reporter_phone = g_strdup (linli_record_get_text (reporter, "phone"));
    }
  else
    {
      reporter_name = linli_mask_name (linli_record_get_text (reporter, "name"));
      reporter_phone = linli_mask_phone (linli_record_get_text (reporter, "phone"));
    }

  building = dup_name (store, LINLI_TYPE_BUILDING, linli_record_get_int (record, "building_id"));
  /* "34号楼2单元202室" already names its building. */
  if (building != NULL && linli_record_get_text (record, "address") != NULL &&
      !g_str_has_prefix (linli_record_get_text (record, "address"), building))
    place = g_strconcat (building, " ", linli_record_get_text (record, "address"), NULL);
  else if (linli_record_get_text (record, "address") != NULL)
    place = g_strdup (linli_record_get_text (record, "address"));
  else
    place = g_strdup (building ? building : linli_record_get_text (record, "address"));
  if (linli_record_get_text (record, "subcategory") != NULL)
    category = g_strconcat (linli_record_get_text (record, "category"), " / ",
                            linli_record_get_text (record, "subcategory"), NULL);
  else
    category = g_strdup (linli_record_get_text (record, "category"));
  grid_id = linli_record_get_int (record, "grid_id");
  if (grid_id != 0)
    {
      g_autoptr(LinliRecord) g = linli_store_get (store, LINLI_TYPE_GRID, grid_id, NULL);
      if (g != NULL)
        grid = linli_report_grid_label (linli_record_get_text (g, "name"), linli_record_get_text (g, "code"));
    }
  worker = dup_name (store, LINLI_TYPE_WORKER, linli_record_get_int (record, "worker_id"));

  /* A form of two columns: long values wrap in the wide one. */
  fields = linli_report_doc_add_table (doc, columns, G_N_ELEMENTS (columns));
#define FIELD(label, text) linli_report_add_row (fields, FALSE, g_strdup (label), (text))
  FIELD (_("Number"), g_strdup (linli_record_get_text (record, "number")));
  FIELD (_("Title"), g_strdup (linli_record_get_text (record, "title")));
  FIELD (_("Category"), g_strdup (category));
  FIELD (_("Source"), g_strdup (linli_record_get_text (record, "source")));
  FIELD (_("Reported"), linli_report_format_time (linli_record_get_datetime (record, "reported_at")));
  FIELD (_("Reported by"), g_strdup (reporter_name));
  FIELD (_("Phone"), g_strdup (reporter_phone));
  FIELD (_("Place"), g_strdup (place));
  FIELD (_("Grid"), g_strdup (grid));
  FIELD (_("Urgency"), g_strdup (linli_urgency_label (linli_record_get_enum (record, "urgency"))));
  FIELD (C_("case sheet", "Worker"), g_strdup (worker));
  FIELD (_("Responsible unit"), g_strdup (linli_record_get_text (record, "responsible_unit")));
  FIELD (_("Due"), linli_report_format_time (linli_record_get_datetime (record, "due_at")));
  FIELD (_("Status"), g_strdup (linli_case_status_label (linli_record_get_enum (record, "status"))));
  FIELD (C_("case sheet", "Resolved"), linli_report_format_time (linli_record_get_datetime (record, "resolved_at")));
  FIELD (_("Resolution level"),
          g_strdup (linli_resolution_level_label (linli_record_get_enum (record, "resolution_level"))));
  FIELD (C_("case sheet", "Satisfaction"),
          g_strdup (linli_satisfaction_label (linli_record_get_enum (record, "satisfaction"))));
  FIELD (_("Revisited"), linli_report_format_time (linli_record_get_datetime (record, "revisited_at")));
#undef FIELD

  add_text_section (doc, _("What the resident reported"), linli_record_get_text (record, "description"));
  add_text_section (doc, _("Resolution"), linli_record_get_text (record, "resolution"));
  add_text_section (doc, _("Revisit"), linli_record_get_text (record, "revisit_notes"));
  add_timeline (doc, store, case_id);

  {
    const char *labels[] = {
      C_("signature", "Handled by"),
      C_("signature", "Reviewed by"),
      C_("signature", "Date"),
      NULL
    };
    linli_report_doc_add_signatures (doc, labels);
  }
  return g_steal_pointer (&doc);
}
