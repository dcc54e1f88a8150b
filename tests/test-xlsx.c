/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "linli-demo.h"
#include "linli-records.h"
#include "linli-xlsx.h"
#include "test-util.h"

/* Workbooks read back as Excel reads them: an .xlsx is a zip of XML, and
 * a cell's type is in its attributes (t="s" a shared string, none a
 * number, a date being a number in a date style). */

typedef TestDatabase Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  test_demo_open (fixture, "linli-test-xlsx");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_database_close (fixture);
}

typedef struct
{
  char *sheet;     /* xl/worksheets/sheet1.xml */
  char *strings;   /* xl/sharedStrings.xml */
  char *styles;    /* xl/styles.xml */
} Workbook;

static void
workbook_clear (Workbook *book)
{
  g_free (book->sheet);
  g_free (book->strings);
  g_free (book->styles);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Workbook, workbook_clear)

static char *
unzip (const char *path,
       const char *member)
{
  const char *argv[] = { "unzip", "-p", path, member, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
read_workbook (GOutputStream *out,
               Workbook      *book)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  g_output_stream_close (out, NULL, NULL);
  fd = g_file_open_tmp ("test-xlsx-XXXXXX.xlsx", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                       g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), &error);
  g_assert_no_error (error);
  book->sheet = unzip (path, "xl/worksheets/sheet1.xml");
  book->strings = unzip (path, "xl/sharedStrings.xml");
  book->styles = unzip (path, "xl/styles.xml");
  g_unlink (path);
}

/* The opening tag of the cell at @ref ("H2"). */
static char *
cell_tag (Workbook   *book,
          const char *ref)
{
  g_autofree char *start = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *p = strstr (book->sheet, start);
  const char *end;

  if (p == NULL)
    g_error ("no cell %s in the sheet", ref);
  end = strchr (p, '>');
  return g_strndup (p, end - p + 1);
}

/* The cell's value as written in the sheet (<v>…</v>). */
static double
cell_number (Workbook   *book,
             const char *ref)
{
  g_autofree char *start = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *p = strstr (book->sheet, start);

  g_assert_nonnull (p);
  p = strstr (p, "<v>");
  g_assert_nonnull (p);
  return g_ascii_strtod (p + 3, NULL);
}

static void
assert_text (Workbook   *book,
             const char *ref)
{
  g_autofree char *tag = cell_tag (book, ref);

  if (strstr (tag, "t=\"s\"") == NULL && strstr (tag, "t=\"inlineStr\"") == NULL)
    g_error ("%s is not text: %s", ref, tag);
}

static void
assert_number (Workbook   *book,
               const char *ref)
{
  g_autofree char *tag = cell_tag (book, ref);

  if (strstr (tag, " t=") != NULL)
    g_error ("%s is not a number: %s", ref, tag);
}

static void
assert_frozen_and_sized (Workbook *book)
{
  g_assert_nonnull (strstr (book->sheet, "<pane ySplit=\"1\" topLeftCell=\"A2\""));
  g_assert_nonnull (strstr (book->sheet, "state=\"frozen\""));
  g_assert_nonnull (strstr (book->sheet, "<cols><col "));
  g_assert_nonnull (strstr (book->sheet, "customWidth=\"1\""));
}

static void
test_cases (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GListModel) cases = linli_store_list (fixture->store, LINLI_TYPE_CASE);
  g_autoptr(GRegex) bare_phone = g_regex_new ("<t>1[3-9][0-9]{9}</t>", 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Workbook) masked = { NULL }, full = { NULL };

  for (int i = 0; i < 2; i++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

      g_assert_true (linli_xlsx_export_cases (fixture->store, cases, i == 0, out, NULL, &error));
      g_assert_no_error (error);
      read_workbook (out, i == 0 ? &masked : &full);
    }

  /* Column A the case number, H the reporter's phone, O when reported:
   * text, text, a date and time. */
  assert_frozen_and_sized (&masked);
  assert_text (&masked, "A2");
  assert_text (&masked, "H2");
  assert_text (&full, "H2");
  assert_number (&masked, "O2");
  g_assert_cmpfloat (cell_number (&masked, "O2"), >, 40000);   /* days since 1900: after 2009 */
  g_assert_nonnull (strstr (masked.styles, "formatCode=\"yyyy-mm-dd hh:mm\""));

  /* Masked as the CSV is; whole only in the full export. */
  g_assert_nonnull (strstr (masked.strings, "****"));
  g_assert_false (g_regex_match (bare_phone, masked.strings, 0, NULL));
  g_assert_true (g_regex_match (bare_phone, full.strings, 0, NULL));
}

static void
test_volunteers (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GListModel) volunteers = linli_store_list (fixture->store, LINLI_TYPE_VOLUNTEER);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_auto(Workbook) book = { NULL };

  g_assert_true (linli_xlsx_export_volunteers (fixture->store, volunteers, NULL, NULL, TRUE, out, NULL, &error));
  g_assert_no_error (error);
  read_workbook (out, &book);

  assert_frozen_and_sized (&book);
  assert_text (&book, "A2");    /* the name */
  assert_text (&book, "B2");    /* the phone, masked */
  assert_number (&book, "F2");  /* activities served in */
  assert_number (&book, "G2");  /* hours */
  g_assert_nonnull (strstr (book.strings, "服务时长（小时）"));
}

static void
test_activities_outreach (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GListModel) activities = linli_store_list (fixture->store, LINLI_TYPE_ACTIVITY);
  g_autoptr(GListModel) outreach = linli_store_list (fixture->store, LINLI_TYPE_OUTREACH);
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 2; i++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_auto(Workbook) book = { NULL };

      if (i == 0)
        g_assert_true (linli_xlsx_export_activities (fixture->store, activities, out, NULL, &error));
      else
        g_assert_true (linli_xlsx_export_outreach (fixture->store, outreach, out, NULL, &error));
      g_assert_no_error (error);
      read_workbook (out, &book);

      assert_frozen_and_sized (&book);
      assert_text (&book, "A2");     /* the title */
      assert_number (&book, "C2");   /* the start (activities) or the end (outreach): a time */
      g_assert_cmpfloat (cell_number (&book, "C2"), >, 40000);
      if (i == 1)
        assert_number (&book, "K2"); /* attendees */
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xlsx/cases", Fixture, NULL, fixture_set_up, test_cases, fixture_tear_down);
  g_test_add ("/xlsx/volunteers", Fixture, NULL, fixture_set_up, test_volunteers, fixture_tear_down);
  g_test_add ("/xlsx/activities-outreach", Fixture, NULL, fixture_set_up, test_activities_outreach,
              fixture_tear_down);

  return g_test_run ();
}
