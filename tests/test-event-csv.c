/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "linli-event-csv.h"
#include "linli-event-store.h"
#include "linli-record-list.h"
#include "test-util.h"

/* Activities, outreach events and volunteers as CSV: export and import
 * back, GB18030 and UTF-8 with or without a BOM, quotes and line breaks in
 * cells, the column mapping, and files with wrong rows, of which nothing
 * is written and every line is named. */

typedef struct
{
  TestDatabase db;
  gint64 grid, school, police, kong, wang;
} Fixture;

static gint64
insert (LinliStore  *store,
        LinliRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (linli_store_insert (store, record, &error));
  g_assert_no_error (error);
  return linli_record_get_id (record);
}

static gint64
add_grid (LinliStore *store)
{
  g_autoptr(LinliRecord) grid = linli_record_new (LINLI_TYPE_GRID);

  linli_record_set_text (grid, "code", "A01");
  linli_record_set_text (grid, "name", "第一网格");
  return insert (store, grid);
}

static gint64
add_named (LinliStore *store,
           GType       type,
           const char *name,
           const char *number)
{
  g_autoptr(LinliRecord) record = linli_record_new (type);

  linli_record_set_text (record, "name", name);
  if (number != NULL)
    {
      linli_record_set_text (record, "number", number);
      linli_record_set_text (record, "phone", "13800010001");
      linli_record_set_text (record, "skills", "书法, \"党史\"宣讲");
    }
  return insert (store, record);
}

static LinliRecord *
participation (gint64      volunteer,
               double      hours,
               const char *role)
{
  LinliRecord *record = linli_record_new (LINLI_TYPE_PARTICIPATION);

  linli_record_set_int (record, "volunteer_id", volunteer);
  linli_record_set_double (record, "hours", hours);
  linli_record_set_text (record, "role", role);
  return record;
}

static void
add_activity (Fixture             *f,
              const char          *title,
              int                  day,
              LinliActivityStatus  status,
              const char          *description,
              GPtrArray           *participations)
{
  g_autoptr(LinliRecord) activity = linli_record_new (LINLI_TYPE_ACTIVITY);
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, day, 9, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new_local (2026, 3, day, 11, 30, 0);
  g_autoptr(GError) error = NULL;
  const gint64 partners[] = { f->school, f->police };

  linli_record_set_text (activity, "title", title);
  linli_record_set_text (activity, "type", "学雷锋");
  linli_record_set_datetime (activity, "start_at", start);
  linli_record_set_datetime (activity, "end_at", end);
  linli_record_set_text (activity, "venue", "社区党群服务中心");
  linli_record_set_int (activity, "grid_id", f->grid);
  linli_record_set_text (activity, "organiser", "社区党支部");
  linli_record_set_refs (activity, "partners", partners, G_N_ELEMENTS (partners));
  linli_record_set_int (activity, "beneficiaries", 120);
  linli_record_set_enum (activity, "status", status);
  linli_record_set_text (activity, "description", description);
  g_assert_true (linli_store_save_activity (f->db.store, NULL, activity, NULL, participations, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) two = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);

  test_database_open (&f->db, "linli-event-csv");
  f->grid = add_grid (f->db.store);
  f->school = add_named (f->db.store, LINLI_TYPE_ORGANISATION, "济宁医学院", NULL);
  f->police = add_named (f->db.store, LINLI_TYPE_ORGANISATION, "许庄派出所", NULL);
  f->kong = add_named (f->db.store, LINLI_TYPE_VOLUNTEER, "孔祥林", "XZ-0001");
  f->wang = add_named (f->db.store, LINLI_TYPE_VOLUNTEER, "王秀英", NULL);

  g_ptr_array_add (two, participation (f->kong, 2.5, "讲解员"));
  g_ptr_array_add (two, participation (f->wang, 1.5, NULL));
  add_activity (f, "雷锋纪念馆开馆", 5, LINLI_ACTIVITY_STATUS_DONE,
                "讲解“雷锋精神”，\n并发放\"学习手册\"", two);
  g_ptr_array_add (one, participation (f->wang, 2, "引导"));
  add_activity (f, "清理楼道杂物", 12, LINLI_ACTIVITY_STATUS_DONE, "楼道,楼梯间", one);
  add_activity (f, "重阳节敬老", 20, LINLI_ACTIVITY_STATUS_PLANNED, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_database_close (&f->db);
}

typedef gboolean (*ExportFunc) (LinliStore *store, GListModel *list, GOutputStream *out,
                                GCancellable *cancellable, GError **error);

static GBytes *
export (LinliStore *store,
        GType       type,
        ExportFunc  func)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GListModel) list = linli_store_list (store, type);
  g_autoptr(GError) error = NULL;

  g_assert_true (func (store, list, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static gboolean
export_volunteers (LinliStore     *store,
                   GListModel     *list,
                   GOutputStream  *out,
                   GCancellable   *cancellable,
                   GError        **error)
{
  return linli_event_csv_export_volunteers (store, list, NULL, NULL, FALSE, out, cancellable, error);
}

static gboolean
export_volunteers_masked (LinliStore     *store,
                          GListModel     *list,
                          GOutputStream  *out,
                          GCancellable   *cancellable,
                          GError        **error)
{
  return linli_event_csv_export_volunteers (store, list, NULL, NULL, TRUE, out, cancellable, error);
}

static LinliCsvTable *
read_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  LinliCsvTable *table = linli_csv_read (bytes, &error);

  g_assert_no_error (error);
  return table;
}

static LinliCsvTable *
read_text (const char *text,
           const char *charset)
{
  g_autoptr(GBytes) bytes = NULL;

  if (charset != NULL)
    {
      gsize n = 0;
      g_autoptr(GError) error = NULL;
      char *converted = g_convert (text, -1, charset, "UTF-8", NULL, &n, &error);

      g_assert_no_error (error);
      bytes = g_bytes_new_take (converted, n);
    }
  else
    bytes = g_bytes_new (text, strlen (text));
  return read_bytes (bytes);
}

/* Imports @table into @store; returns the messages, "\n" between them. */
static char *
import (LinliStore        *store,
        LinliEventCsvKind  kind,
        LinliCsvTable     *table,
        guint             *n_imported)
{
  g_autoptr(LinliCsvMapping) mapping = linli_event_csv_mapping_new (kind, table);
  g_autoptr(GPtrArray) row_errors = NULL;
  g_autoptr(GError) error = NULL;
  GString *messages = g_string_new (NULL);
  gboolean checked = linli_event_csv_check (store, kind, mapping, NULL, NULL);
  gboolean ok = linli_event_csv_import (store, kind, mapping, &row_errors, n_imported, &error);

  g_assert_true (checked == ok);
  g_assert_true (ok == (error == NULL));
  g_assert_true (ok == (row_errors == NULL));
  for (guint i = 0; row_errors != NULL && i < row_errors->len; i++)
    {
      LinliCsvRowError *row_error = row_errors->pdata[i];
      g_autofree char *prefix = g_strdup_printf ("Line %u: ", row_error->line);

      /* Every message names its line. */
      g_assert_true (g_str_has_prefix (row_error->message, prefix));
      g_string_append_printf (messages, "%s%s", i ? "\n" : "", row_error->message);
    }
  if (error != NULL && row_errors == NULL)
    g_string_append (messages, error->message);
  return g_string_free (messages, FALSE);
}

/* ------------------------------------------------------------------------ */

static void
test_export_activities (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export (f->db.store, LINLI_TYPE_ACTIVITY, linli_event_csv_export_activities);
  g_autoptr(LinliCsvTable) table = read_bytes (bytes);
  const char *raw = g_bytes_get_data (bytes, NULL);

  /* UTF-8 with a BOM, the office's headers. */
  g_assert_true (g_str_has_prefix (raw, "\xEF\xBB\xBF" "活动名称,活动类型,开始时间,"));
  g_assert_cmpint (linli_csv_table_get_encoding (table), ==, LINLI_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpuint (linli_csv_table_get_n_columns (table), ==, LINLI_N_ACTIVITY_FIELDS);
  /* Two participations, one, and a row for the activity nobody served in. */
  g_assert_cmpuint (linli_csv_table_get_n_rows (table), ==, 4);
  g_assert_cmpstr (linli_csv_table_get_cell (table, 0, LINLI_ACTIVITY_FIELD_TITLE), ==, "重阳节敬老");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 0, LINLI_ACTIVITY_FIELD_VOLUNTEER), ==, "");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 2, LINLI_ACTIVITY_FIELD_PARTNERS), ==, "济宁医学院、许庄派出所");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 2, LINLI_ACTIVITY_FIELD_START), ==, "2026-03-05 09:00");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 2, LINLI_ACTIVITY_FIELD_GRID), ==, "第一网格");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 2, LINLI_ACTIVITY_FIELD_DESCRIPTION), ==,
                   "讲解“雷锋精神”，\n并发放\"学习手册\"");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 2, LINLI_ACTIVITY_FIELD_VOLUNTEER), ==, "孔祥林");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 2, LINLI_ACTIVITY_FIELD_VOLUNTEER_NUMBER), ==, "XZ-0001");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 2, LINLI_ACTIVITY_FIELD_HOURS), ==, "2.5");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 3, LINLI_ACTIVITY_FIELD_VOLUNTEER), ==, "王秀英");
  /* The quoted line break: the next row starts a line later. */
  g_assert_cmpuint (linli_csv_table_get_line (table, 3), ==, linli_csv_table_get_line (table, 2) + 2);
}

static void
test_round_trip_activities (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export (f->db.store, LINLI_TYPE_ACTIVITY, linli_event_csv_export_activities);
  g_autoptr(LinliCsvTable) table = read_bytes (bytes);
  g_autoptr(GListModel) before = linli_store_list (f->db.store, LINLI_TYPE_ACTIVITY);
  g_autoptr(GListModel) after = NULL;
  g_autofree char *messages = NULL;
  TestDatabase other;
  guint n = 0;

  /* Into a file with the grid alone: volunteers and partners are added. */
  test_database_open (&other, "linli-event-csv-other");
  add_grid (other.store);
  messages = import (other.store, LINLI_EVENT_CSV_ACTIVITIES, table, &n);
  g_assert_cmpstr (messages, ==, "");
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (linli_store_count (other.store, LINLI_TYPE_VOLUNTEER), ==, 2);
  g_assert_cmpuint (linli_store_count (other.store, LINLI_TYPE_ORGANISATION), ==, 2);
  g_assert_cmpuint (linli_store_count (other.store, LINLI_TYPE_PARTICIPATION), ==, 3);

  after = linli_store_list (other.store, LINLI_TYPE_ACTIVITY);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(LinliRecord) a = g_list_model_get_item (before, i);
      g_autoptr(LinliRecord) b = g_list_model_get_item (after, i);
      g_autoptr(GPtrArray) pa = linli_store_load_participations (f->db.store, linli_record_get_id (a), NULL);
      g_autoptr(GPtrArray) pb = linli_store_load_participations (other.store, linli_record_get_id (b), NULL);
      const char *columns[] = { "title", "type", "venue", "organiser", "description" };

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        g_assert_cmpstr (linli_record_get_text (a, columns[c]), ==, linli_record_get_text (b, columns[c]));
      g_assert_true (g_date_time_equal (linli_record_get_datetime (a, "start_at"), linli_record_get_datetime (b, "start_at")));
      g_assert_true (g_date_time_equal (linli_record_get_datetime (a, "end_at"), linli_record_get_datetime (b, "end_at")));
      g_assert_cmpint (linli_record_get_enum (a, "status"), ==, linli_record_get_enum (b, "status"));
      g_assert_cmpint (linli_record_get_int (a, "beneficiaries"), ==, linli_record_get_int (b, "beneficiaries"));
      g_assert_cmpint (linli_record_get_int (b, "grid_id"), ==, 1);
      g_assert_cmpuint (linli_record_get_refs (b, "partners")->len, ==, 2);
      g_assert_cmpuint (pa->len, ==, pb->len);
      for (guint p = 0; p < pa->len; p++)
        {
          g_assert_cmpfloat (linli_record_get_double (pa->pdata[p], "hours"), ==,
                             linli_record_get_double (pb->pdata[p], "hours"));
          g_assert_cmpstr (linli_record_get_text (pa->pdata[p], "role"), ==,
                           linli_record_get_text (pb->pdata[p], "role"));
        }
    }

  /* The same file again: every activity is stored already. */
  g_clear_pointer (&messages, g_free);
  messages = import (other.store, LINLI_EVENT_CSV_ACTIVITIES, table, &n);
  g_assert_true (g_str_has_prefix (messages, "Line 2: the activity “重阳节敬老” of 2026-03-20 09:00 is stored already."));
  g_assert_cmpuint (linli_store_count (other.store, LINLI_TYPE_ACTIVITY), ==, 3);

  test_database_close (&other);
}

static void
test_export_outreach (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(LinliRecord) outreach = linli_record_new (LINLI_TYPE_OUTREACH);
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, 3, 14, 30, 0);
  const char *groups[] = { "学生", "教师", NULL };
  const char *topics[] = { "刷单返利", NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LinliCsvTable) table = NULL;

  linli_record_set_text (outreach, "title", "反诈宣传进校园");
  linli_record_set_datetime (outreach, "start_at", start);
  linli_record_set_enum (outreach, "format", LINLI_OUTREACH_FORMAT_PERFORMANCE);
  linli_record_set_strv (outreach, "target_groups", groups);
  linli_record_set_strv (outreach, "topics", topics);
  linli_record_set_refs (outreach, "organisers", &f->police, 1);
  linli_record_set_int (outreach, "attendees", 60);
  linli_record_set_int (outreach, "leaflets", 200);
  linli_record_set_int (outreach, "app_installs", 80);
  linli_record_set_bool (outreach, "installs_off_site", TRUE);
  insert (f->db.store, outreach);

  bytes = export (f->db.store, LINLI_TYPE_OUTREACH, linli_event_csv_export_outreach);
  table = read_bytes (bytes);
  g_assert_cmpuint (linli_csv_table_get_n_rows (table), ==, 1);
  g_assert_cmpstr (linli_csv_table_get_header (table, 0), ==, "活动名称");
  g_assert_cmpstr (linli_csv_table_get_header (table, 12), ==, "反诈APP安装数");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 0, 1), ==, "2026-03-03 14:30");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 0, 5), ==, "许庄派出所");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 0, 7), ==, "Performance");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 0, 8), ==, "学生、教师");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 0, 10), ==, "60");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 0, 12), ==, "80");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 0, 13), ==, "Yes");
}

static void
test_round_trip_volunteers (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GBytes) bytes = export (f->db.store, LINLI_TYPE_VOLUNTEER, export_volunteers);
  g_autoptr(GBytes) masked = export (f->db.store, LINLI_TYPE_VOLUNTEER, export_volunteers_masked);
  g_autoptr(LinliCsvTable) table = read_bytes (bytes);
  g_autoptr(LinliCsvTable) masked_table = read_bytes (masked);
  g_autofree char *messages = NULL;
  g_autofree char *masked_messages = NULL;
  TestDatabase other;
  guint n = 0;

  /* Hours with the volunteers: Kong 2.5 in one activity, Wang 3.5 in two. */
  g_assert_cmpuint (linli_csv_table_get_n_columns (table), ==, LINLI_N_VOLUNTEER_FIELDS + 2);
  g_assert_cmpstr (linli_csv_table_get_cell (table, 0, 0), ==, "孔祥林");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 0, 1), ==, "13800010001");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 0, 2), ==, "书法, \"党史\"宣讲");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 0, 6), ==, "2.5");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 1, 5), ==, "2");
  g_assert_cmpstr (linli_csv_table_get_cell (table, 1, 6), ==, "3.5");
  g_assert_cmpstr (linli_csv_table_get_cell (masked_table, 0, 1), ==, "138****0001");

  test_database_open (&other, "linli-event-csv-other");
  masked_messages = import (other.store, LINLI_EVENT_CSV_VOLUNTEERS, masked_table, &n);
  g_assert_cmpstr (masked_messages, ==, "Line 2: the phone number “138****0001” is masked. Import a file exported without masking.");
  g_assert_cmpuint (linli_store_count (other.store, LINLI_TYPE_VOLUNTEER), ==, 0);

  messages = import (other.store, LINLI_EVENT_CSV_VOLUNTEERS, table, &n);
  g_assert_cmpstr (messages, ==, "");
  g_assert_cmpuint (n, ==, 2);
  {
    g_autoptr(LinliRecord) a = linli_store_get (f->db.store, LINLI_TYPE_VOLUNTEER, f->kong, NULL);
    g_autoptr(LinliRecord) b = linli_store_get (other.store, LINLI_TYPE_VOLUNTEER, 1, NULL);
    g_assert_true (linli_record_equal (a, b));
  }
  test_database_close (&other);
}

static void
test_gb18030 (Fixture       *f,
              gconstpointer  data)
{
  /* As Excel saves "CSV" on Chinese Windows, with the office's own words. */
  g_autoptr(LinliCsvTable) volunteers = read_text ("姓名,手机号码,特长,编号\r\n"
                                                   "赵新,139 0537 1234,理发,XZ-0100\r\n"
                                                   "钱芳,0537-2345678,,\r\n", "GB18030");
  g_autoptr(LinliCsvTable) activities = read_text ("活动主题,类型,时间,结束时间,姓名,时长,状态\r\n"
                                                   "义务理发,助老,2026-04-02 09:00,2026-04-02 11:00,赵新,2,已完成\r\n"
                                                   "义务理发,助老,2026-04-02 09:00,2026-04-02 11:00,钱芳,1.5,已完成\r\n"
                                                   "义务理发,助老,2026-04-02 09:00,2026-04-02 11:00,孔祥林,2,已完成\r\n",
                                                   "GB18030");
  g_autofree char *messages = NULL;
  g_autofree char *activity_messages = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(LinliRecord) activity = NULL;
  g_autoptr(GPtrArray) participations = NULL;
  guint n = 0;

  g_assert_cmpint (linli_csv_table_get_encoding (volunteers), ==, LINLI_CSV_ENCODING_GB18030);
  messages = import (f->db.store, LINLI_EVENT_CSV_VOLUNTEERS, volunteers, &n);
  g_assert_cmpstr (messages, ==, "");
  g_assert_cmpuint (n, ==, 2);

  activity_messages = import (f->db.store, LINLI_EVENT_CSV_ACTIVITIES, activities, &n);
  g_assert_cmpstr (activity_messages, ==, "");
  g_assert_cmpuint (n, ==, 1);
  /* The volunteers just imported, and one stored before: none added. */
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_VOLUNTEER), ==, 4);
  list = linli_store_list (f->db.store, LINLI_TYPE_ACTIVITY);
  activity = g_list_model_get_item (list, 0);
  g_assert_cmpstr (linli_record_get_text (activity, "title"), ==, "义务理发");
  participations = linli_store_load_participations (f->db.store, linli_record_get_id (activity), NULL);
  g_assert_cmpuint (participations->len, ==, 3);
  g_assert_cmpint (linli_record_get_int (participations->pdata[2], "volunteer_id"), ==, f->kong);
  {
    g_autoptr(LinliRecord) zhao = linli_store_get (f->db.store, LINLI_TYPE_VOLUNTEER,
                                                   linli_record_get_int (participations->pdata[0], "volunteer_id"), NULL);
    g_assert_cmpstr (linli_record_get_text (zhao, "name"), ==, "赵新");
    g_assert_cmpstr (linli_record_get_text (zhao, "phone"), ==, "13905371234");
  }
}

static void
test_bom (Fixture       *f,
          gconstpointer  data)
{
  const char *text = "姓名,联系电话\n赵新,13905371234\n";
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", text, NULL);
  g_autoptr(LinliCsvTable) plain = read_text (text, NULL);
  g_autoptr(LinliCsvTable) bom = read_text (with_bom, NULL);
  g_autoptr(LinliCsvMapping) plain_mapping = linli_event_csv_mapping_new (LINLI_EVENT_CSV_VOLUNTEERS, plain);
  g_autoptr(LinliCsvMapping) bom_mapping = linli_event_csv_mapping_new (LINLI_EVENT_CSV_VOLUNTEERS, bom);

  g_assert_cmpint (linli_csv_table_get_encoding (plain), ==, LINLI_CSV_ENCODING_UTF8);
  g_assert_cmpint (linli_csv_table_get_encoding (bom), ==, LINLI_CSV_ENCODING_UTF8_BOM);
  /* The BOM is no part of the first header. */
  g_assert_cmpint (linli_csv_mapping_get_field (bom_mapping, 0), ==, LINLI_VOLUNTEER_FIELD_NAME);
  g_assert_cmpint (linli_csv_mapping_get_field (plain_mapping, 0), ==, LINLI_VOLUNTEER_FIELD_NAME);
  g_assert_cmpint (linli_csv_mapping_get_field (bom_mapping, 1), ==, LINLI_VOLUNTEER_FIELD_PHONE);
  g_assert_true (linli_event_csv_import (f->db.store, LINLI_EVENT_CSV_VOLUNTEERS, bom_mapping, NULL, NULL, NULL));
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_mapping (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(LinliCsvTable) table = read_text ("备注（选填）,Name,phone number,手机,编号\n"
                                              "退休教师,赵新,,13905371234,XZ-9\n", NULL);
  g_autoptr(LinliCsvMapping) mapping = linli_event_csv_mapping_new (LINLI_EVENT_CSV_VOLUNTEERS, table);
  g_autoptr(LinliCsvColumn) column = g_list_model_get_item (G_LIST_MODEL (mapping), 3);
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mapping)), ==, 5);
  g_assert_cmpint (linli_csv_mapping_get_field (mapping, 0), ==, LINLI_VOLUNTEER_FIELD_NOTES);
  g_assert_cmpint (linli_csv_mapping_get_field (mapping, 1), ==, LINLI_VOLUNTEER_FIELD_NAME);
  g_assert_cmpint (linli_csv_mapping_get_field (mapping, 2), ==, LINLI_CSV_FIELD_NONE);
  g_assert_cmpint (linli_csv_mapping_get_field (mapping, 3), ==, LINLI_VOLUNTEER_FIELD_PHONE);
  g_assert_cmpint (linli_csv_mapping_get_field (mapping, 4), ==, LINLI_VOLUNTEER_FIELD_NUMBER);
  g_assert_cmpstr (linli_csv_column_get_header (column), ==, "手机");
  g_assert_cmpstr (linli_csv_column_get_samples (column), ==, "13905371234");
  g_assert_cmpstr (linli_csv_mapping_get_field_label (mapping, LINLI_VOLUNTEER_FIELD_PHONE), ==, "Phone");
  g_assert_true (linli_csv_mapping_field_is_required (mapping, LINLI_VOLUNTEER_FIELD_NAME));
  g_assert_true (linli_csv_mapping_check (mapping, &error));

  /* Two columns for one field, then none for a required one. */
  g_signal_connect (column, "notify::field", G_CALLBACK (notify_cb), &notified);
  linli_csv_mapping_set_field (mapping, 3, LINLI_VOLUNTEER_FIELD_NAME);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (linli_csv_mapping_check (mapping, &error));
  g_assert_error (error, LINLI_CSV_MAPPING_ERROR, LINLI_CSV_MAPPING_ERROR_TWICE);
  g_clear_error (&error);
  linli_csv_mapping_set_field (mapping, 3, LINLI_CSV_FIELD_NONE);
  linli_csv_mapping_set_field (mapping, 1, LINLI_CSV_FIELD_NONE);
  g_assert_false (linli_csv_mapping_check (mapping, &error));
  g_assert_error (error, LINLI_CSV_MAPPING_ERROR, LINLI_CSV_MAPPING_ERROR_MISSING);
  g_clear_error (&error);
  g_assert_false (linli_event_csv_import (f->db.store, LINLI_EVENT_CSV_VOLUNTEERS, mapping, NULL, NULL, &error));
  g_assert_error (error, LINLI_CSV_MAPPING_ERROR, LINLI_CSV_MAPPING_ERROR_MISSING);
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_VOLUNTEER), ==, 2);
}

static void
test_bad_volunteers (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(LinliCsvTable) table = read_text ("姓名,联系电话,志愿者编号\n"
                                              "赵新,13905371234,XZ-0100\n"
                                              ",13905371235,\n"
                                              "钱芳,12345,\n"
                                              "孙丽,,XZ-0001\n"
                                              "李华,,XZ-0100\n"
                                              "\"周\n平\",,\n"
                                              "王**,,\n", NULL);
  g_autofree char *messages = NULL;
  guint n = 99;

  messages = import (f->db.store, LINLI_EVENT_CSV_VOLUNTEERS, table, &n);
  g_assert_cmpstr (messages, ==,
                   "Line 3: the name is empty.\n"
                   "Line 4: “12345” is neither an 11-digit mobile number nor a landline number with its area code, like 0537-1234567.\n"
                   "Line 5: a volunteer with the number “XZ-0001” is stored already.\n"
                   "Line 6: the volunteer number “XZ-0100” is the number of line 2 too.\n"
                   "Line 9: the name “王**” is masked. Import a file exported without masking.");
  g_assert_cmpuint (n, ==, 0);
  /* Nothing written, not even the good rows. */
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_VOLUNTEER), ==, 2);
}

static void
test_bad_activities (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(LinliCsvTable) table =
    read_text ("活动名称,活动类型,开始时间,结束时间,网格,活动状态,志愿者,服务时长（小时）,志愿者编号\n"
               "植树,环境整治,2026-03-12 09:00,2026-03-12 11:00,第一网格,已完成,孔祥林,3,\n"       /* 2: hours beyond */
               "植树,环境整治,2026-03-12 09:00,2026-03-12 11:00,第一网格,已完成,孔祥林,1,\n"       /* 3: twice */
               "植树,环境整治,2026-03-12 09:00,2026-03-12 12:00,第一网格,已完成,王秀英,1,\n"       /* 4: disagrees */
               "义诊,助老,2026-03-13 09:00,2026-03-13 11:00,第九网格,已完成,王秀英,1,\n"          /* 5: no grid */
               "讲座,,2026-13-01 09:00,,,已完成,王秀英,1,\n"                                      /* 6: no type, bad time */
               "汇演,文体活动,2026-03-14 19:00,2026-03-14 18:00,,已完成,,,\n"                      /* 7: end, nobody */
               "茶话会,文体活动,2026-03-15 15:00,,,举行中,王秀英,abc,\n"                          /* 8: status, hours */
               "手工,文体活动,2026-03-16 15:00,,,,,2,\n"                                         /* 9: hours, no one */
               "下棋,文体活动,2026-03-17 15:00,,,,李四,1,XZ-0001\n"                               /* 10: number of another */
               "插花,文体活动,2026-03-18 15:00,,,,,,XZ-0404\n",                                   /* 11: unknown number */
               NULL);
  g_autofree char *messages = NULL;
  guint n = 99;

  messages = import (f->db.store, LINLI_EVENT_CSV_ACTIVITIES, table, &n);
  g_assert_cmpstr (messages, ==,
                   "Line 2: At most the activity’s length, 2 hours.\n"
                   "Line 3: This volunteer is already listed for the activity.\n"
                   "Line 4: the activity “植树” is on line 2 too, with other details. The rows of one activity must agree.\n"
                   "Line 5: there is no grid “第九网格”.\n"
                   "Line 6: Start: “2026-13-01 09:00” is not a date and time; write it as 2026-01-05 09:30.\n"
                   "Line 6: Choose the type of activity.\n"
                   "Line 7: The end must be after the start.\n"
                   "Line 7: A done activity needs at least one participant.\n"
                   "Line 8: Status: “举行中” is not one of Planned, Done, Cancelled.\n"
                   "Line 8: hours “abc”: Enter the hours as a number, such as 2 or 1.5.\n"
                   "Line 9: there are hours or a role but no volunteer.\n"
                   "Line 10: the volunteer number “XZ-0001” is that of 孔祥林, not of 李四.\n"
                   "Line 11: there is no volunteer with the number “XZ-0404”; give the name of the new volunteer.");
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_ACTIVITY), ==, 3);
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_PARTICIPATION), ==, 3);
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_VOLUNTEER), ==, 2);
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *text = "姓名,备注\n赵新,\"没有结束\n钱芳,好\n";
  g_autoptr(GBytes) unclosed = g_bytes_new_static (text, strlen (text));
  g_autoptr(GBytes) binary = g_bytes_new_static ("\x00\x01\x02\xff\xfe\x00", 6);
  LinliCsvTable *table;

  table = linli_csv_read (unclosed, &error);
  g_assert_null (table);
  g_assert_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_QUOTE);
  g_clear_error (&error);
  table = linli_csv_read (binary, &error);
  g_assert_null (table);
  g_assert_nonnull (error);
  g_assert_cmpuint (linli_store_count (f->db.store, LINLI_TYPE_VOLUNTEER), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/event-csv/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("export/activities", test_export_activities);
  ADD ("export/outreach", test_export_outreach);
  ADD ("round-trip/activities", test_round_trip_activities);
  ADD ("round-trip/volunteers", test_round_trip_volunteers);
  ADD ("gb18030", test_gb18030);
  ADD ("bom", test_bom);
  ADD ("mapping", test_mapping);
  ADD ("bad/volunteers", test_bad_volunteers);
  ADD ("bad/activities", test_bad_activities);
  ADD ("bad/malformed", test_malformed);
#undef ADD

  return g_test_run ();
}
