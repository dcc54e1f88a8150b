/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-report-kind"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "linli-case-query.h"
#include "linli-record-list.h"
#include "linli-records.h"
#include "linli-report-kind.h"

static const struct
{
  const char *name;
  const char *label;
} kinds[LINLI_N_REPORT_KINDS] = {
  [LINLI_REPORT_KIND_SUMMARY] = { "summary", N_("Work Summary") },
  [LINLI_REPORT_KIND_LEDGER] = { "ledger", N_("Grid Ledger") },
  [LINLI_REPORT_KIND_CASE_SHEET] = { "case-sheet", N_("Case Sheet") },
  [LINLI_REPORT_KIND_CASE_LIST] = { "case-list", N_("Case List") },
  [LINLI_REPORT_KIND_GRID_MAP] = { "grid-map", N_("Grid Map") },
  [LINLI_REPORT_KIND_VOLUNTEER_HOURS] = { "volunteer-hours", N_("Volunteer Hours") },
};

const char *
linli_report_kind_get_name (LinliReportKind kind)
{
  g_return_val_if_fail (kind < LINLI_N_REPORT_KINDS, NULL);
  return kinds[kind].name;
}

const char *
linli_report_kind_get_label (LinliReportKind kind)
{
  g_return_val_if_fail (kind < LINLI_N_REPORT_KINDS, NULL);
  return _(kinds[kind].label);
}

gboolean
linli_report_kind_from_name (const char      *name,
                             LinliReportKind *kind)
{
  for (guint i = 0; i < LINLI_N_REPORT_KINDS && name != NULL; i++)
    if (g_str_equal (name, kinds[i].name))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* The first record of @type whose @column is @value. */
static gint64
find_by_text (LinliStore *store,
              GType       type,
              const char *where,
              const char *value)
{
  g_autoptr(LinliRecordList) list = linli_record_list_new (store, type, "0", NULL, 0);
  g_auto(GValue) param = G_VALUE_INIT;
  GArray *ids;

  g_value_init (&param, G_TYPE_STRING);
  g_value_set_string (&param, value);
  linli_record_list_set_query_values (list, where, NULL, &param, 1);
  ids = linli_record_list_get_ids (list);
  return ids != NULL && ids->len > 0 ? g_array_index (ids, gint64, 0) : 0;
}

gint64
linli_report_find_grid (LinliStore  *store,
                        const char  *code,
                        GError     **error)
{
  gint64 id;

  g_return_val_if_fail (LINLI_IS_STORE (store), 0);

  id = code ? find_by_text (store, LINLI_TYPE_GRID, "t.code = ?1", code) : 0;
  if (id == 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("There is no grid with the code “%s”."), code ? code : "");
  return id;
}

gint64
linli_report_find_case (LinliStore  *store,
                        const char  *number,
                        GError     **error)
{
  gint64 id;

  g_return_val_if_fail (LINLI_IS_STORE (store), 0);

  id = number ? find_by_text (store, LINLI_TYPE_CASE, "t.number = ?1", number) : 0;
  if (id == 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("There is no case numbered “%s”."), number ? number : "");
  return id;
}

/* The cases reported in the period and scope, oldest first. */
static LinliReportDoc *
build_case_list (LinliStore               *store,
                 const LinliReportRequest *request,
                 GError                  **error)
{
  g_autoptr(LinliRecordList) list = linli_record_list_new (store, LINLI_TYPE_CASE, "0", NULL, 0);
  g_autoptr(GDateTime) now = linli_store_now (store);
  g_autofree char *label = linli_report_period_get_label (&request->period);
  LinliCaseQuery query;
  GArray *ids;
  LinliReportDoc *doc;

  linli_case_query_init (&query);
  query.grid_id = request->grid_id;
  query.from = linli_report_period_dup_from (&request->period);
  query.until = linli_report_period_dup_until (&request->period);
  query.sort = LINLI_CASE_SORT_REPORTED;
  linli_case_query_apply (&query, list, now);
  linli_case_query_clear (&query);

  ids = linli_record_list_get_ids (list);
  doc = linli_report_build_case_list (store, (const gint64 *) ids->data, ids->len, label, error);
  return doc;
}

LinliReportDoc *
linli_report_build (LinliStore               *store,
                    const LinliReportRequest *request,
                    GError                  **error)
{
  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  switch (request->kind)
    {
    case LINLI_REPORT_KIND_SUMMARY:
      return linli_report_build_summary (store, &request->period, request->grid_id, error);
    case LINLI_REPORT_KIND_LEDGER:
      return linli_report_build_ledger (store, &request->period, request->grid_id, error);
    case LINLI_REPORT_KIND_CASE_SHEET:
      return linli_report_build_case_sheet (store, request->case_id, request->show_personal, error);
    case LINLI_REPORT_KIND_CASE_LIST:
      return build_case_list (store, request, error);
    case LINLI_REPORT_KIND_GRID_MAP:
      return linli_report_build_grid_map (store, &request->period, request->grid_id, error);
    case LINLI_REPORT_KIND_VOLUNTEER_HOURS:
      return linli_report_build_volunteer_hours (store, &request->period, request->grid_id, error);
    case LINLI_N_REPORT_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}
