/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <sqlite3.h>

#include "linli-plan-transform.h"
#include "linli-report.h"

#include "linli-report-doc.h"
#include "linli-report-layout.h"
#include "linli-report-pdf.h"
#include "linli-report-plain-text.h"
#include "test-util.h"

/* Reports set on A4 and written to PDF with no display, then read back with
 * poppler's pdftotext and pdfinfo: the text, the page size, where the text
 * stands on the paper, and how a long table breaks. */

#define MM (72.0 / 25.4)

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static char *
pdf_text (const char *path)
{
  return run_tool ((const char *[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL });
}

/* pdftotext gives the page number "— 2 —" with or without its spaces. */
static gboolean
has_page_number (const char *text,
                 guint       page)
{
  g_autofree char *spaced = g_strdup_printf ("— %u —", page);
  g_autofree char *tight = g_strdup_printf ("—%u—", page);

  return strstr (text, spaced) != NULL || strstr (text, tight) != NULL;
}

static guint
pdf_pages (const char *path,
           double     *width,
           double     *height)
{
  g_autofree char *info = run_tool ((const char *[]) { "pdfinfo", path, NULL });
  const char *pages = strstr (info, "Pages:");
  const char *size = strstr (info, "Page size:");

  g_assert_nonnull (pages);
  g_assert_nonnull (size);
  g_assert_cmpint (sscanf (size, "Page size: %lf x %lf", width, height), ==, 2);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

typedef struct
{
  char *dir;
  char *path;
} TempPdf;

static void
temp_pdf_init (TempPdf *pdf)
{
  g_autoptr(GError) error = NULL;

  pdf->dir = g_dir_make_tmp ("linli-report-XXXXXX", &error);
  g_assert_no_error (error);
  pdf->path = g_build_filename (pdf->dir, "report.pdf", NULL);
}

static void
temp_pdf_clear (TempPdf *pdf)
{
  if (g_getenv ("LINLI_KEEP_PDF"))
    {
      g_autofree char *kept = g_build_filename (g_get_tmp_dir (), "linli-test-report.pdf", NULL);
      g_rename (pdf->path, kept);
    }
  g_unlink (pdf->path);
  g_rmdir (pdf->dir);
  g_free (pdf->path);
  g_free (pdf->dir);
}

static void
write_pdf (LinliReportDoc *doc,
           const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (linli_report_pdf_write (doc, file, &error));
  g_assert_no_error (error);
}

static LinliReportDoc *
summary_doc (void)
{
  LinliReportDoc *doc = linli_report_doc_new ("东方御园社区2026年3月工作总结");
  static const LinliReportColumn columns[] = {
    { "网格", 2, LINLI_REPORT_ALIGN_START },
    { "受理", 1, LINLI_REPORT_ALIGN_END },
    { "办结", 1, LINLI_REPORT_ALIGN_END },
  };
  LinliReportFigures *figures;
  LinliReportTable *table;
  LinliReportChart *chart;
  LinliReportMap *map;
  static const double square[] = { 116.40, 39.90, 116.41, 39.90, 116.41, 39.91, 116.40, 39.91 };

  linli_report_doc_set_subtitle (doc, "2026年3月1日至2026年3月31日");
  linli_report_doc_add_heading (doc, 1, "一、民情事件办理情况");
  linli_report_doc_add_paragraph (doc,
    "本月社区共受理民情事件一百二十八件，其中网格内自行解决九十六件，"
    "社区协调解决二十五件，上报街道七件。群众满意率百分之九十八，"
    "按期办结率百分之九十五，较上月有所提高。小事不出网格，大事不出社区。");
  figures = linli_report_doc_add_figures (doc);
  linli_report_figures_add (figures, "受理", "128");
  linli_report_figures_add (figures, "办结", "121");
  linli_report_figures_add (figures, "超期", "3");
  linli_report_figures_add (figures, "满意率", "98.0%");
  table = linli_report_doc_add_table (doc, columns, G_N_ELEMENTS (columns));
  linli_report_table_set_caption (table, "表1 各网格受理情况");
  linli_report_table_add_row (table, (const char *[]) { "第一网格", "70", "66" });
  linli_report_table_add_row (table, (const char *[]) { "第二网格", "58", "55" });
  linli_report_table_add_total_row (table, (const char *[]) { "合计", "128", "121" });
  linli_report_doc_add_heading (doc, 2, "（一）分网格情况");
  chart = linli_report_doc_add_bar_chart (doc, "件");
  linli_report_chart_set_title (chart, "图1 各网格受理件数");
  linli_report_chart_add_bar (chart, "第一网格", 70);
  linli_report_chart_add_bar (chart, "第二网格", 58);
  map = linli_report_doc_add_map (doc);
  linli_report_map_add_area (map, LINLI_REPORT_AREA_MANAGEMENT, square, 4, 0xd0e4f0ff, "第一网格");
  linli_report_map_add_legend (map, LINLI_REPORT_AREA_MANAGEMENT, 0xd0e4f0ff, "管理网格");
  linli_report_map_set_caption (map, "图2 网格分布图");
  linli_report_doc_add_signatures (doc, (const char *[]) { "填报人", "审核人", "日期", NULL });
  return doc;
}

static void
test_doc_text (void)
{
  g_autoptr(LinliReportDoc) doc = summary_doc ();
  g_autofree char *text = linli_report_doc_to_text (doc);
  LinliReportTable *table = linli_report_doc_get_table (doc, 0);

  g_assert_cmpuint (linli_report_doc_get_n_blocks (doc), ==, 8);
  g_assert_cmpint (linli_report_doc_get_block_kind (doc, 0), ==, LINLI_REPORT_BLOCK_HEADING);
  g_assert_cmpint (linli_report_doc_get_block_kind (doc, 3), ==, LINLI_REPORT_BLOCK_TABLE);
  g_assert_nonnull (table);
  g_assert_null (linli_report_doc_get_table (doc, 1));
  g_assert_cmpuint (linli_report_table_get_n_rows (table), ==, 3);
  g_assert_cmpuint (linli_report_table_get_n_columns (table), ==, 3);
  g_assert_cmpstr (linli_report_table_get_cell (table, 1, 0), ==, "第二网格");
  g_assert_false (linli_report_table_row_is_total (table, 1));
  g_assert_true (linli_report_table_row_is_total (table, 2));

  g_assert_nonnull (strstr (text, "东方御园社区2026年3月工作总结\n"));
  g_assert_nonnull (strstr (text, "网格\t受理\t办结\n第一网格\t70\t66\n"));
  g_assert_nonnull (strstr (text, "满意率\t98.0%\n"));
  g_assert_nonnull (strstr (text, "第二网格\t58件\n"));
  g_assert_nonnull (strstr (text, "填报人\t审核人\t日期\n"));
}

static void
test_pdf_text (void)
{
  g_autoptr(LinliReportDoc) doc = summary_doc ();
  g_autofree char *text = NULL;
  TempPdf pdf;
  double width, height;

  temp_pdf_init (&pdf);
  write_pdf (doc, pdf.path);

  g_assert_cmpuint (pdf_pages (pdf.path, &width, &height), >=, 1);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);

  text = pdf_text (pdf.path);
  for (const char * const *expected = (const char *[]) {
         "东方御园社区2026年3月工作总结", "一、民情事件办理情况", "（一）分网格情况",
         "表1 各网格受理情况", "第一网格", "128", "98.0%", "满意率", "70件",
         "图1 各网格受理件数", "图2 网格分布图", "管理网格", "填报人", "审核人",
         NULL };
       *expected; expected++)
    if (strstr (text, *expected) == NULL)
      g_error ("“%s” is not in the PDF:\n%s", *expected, text);
  g_assert_true (has_page_number (text, 1));

  temp_pdf_clear (&pdf);
}

typedef struct
{
  double x_min, y_min, x_max, y_max;
  char  *word;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->word);
}

/* The words of one page with their boxes, from pdftotext -bbox. */
static GArray *
page_words (const char *path,
            guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  g_autofree char *html = run_tool ((const char *[]) {
    "pdftotext", "-bbox", "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL });
  GArray *words = g_array_new (FALSE, TRUE, sizeof (Word));
  const char *p = html;

  g_array_set_clear_func (words, word_clear);
  while ((p = strstr (p, "<word ")) != NULL)
    {
      Word word = { 0 };
      const char *start, *end;

      g_assert_cmpint (sscanf (p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">",
                               &word.x_min, &word.y_min, &word.x_max, &word.y_max), ==, 4);
      start = strchr (p, '>') + 1;
      end = strstr (start, "</word>");
      word.word = g_strndup (start, end - start);
      g_array_append_val (words, word);
      p = end;
    }
  return words;
}

static void
test_margins (void)
{
  g_autoptr(LinliReportDoc) doc = summary_doc ();
  g_autoptr(GArray) words = NULL;
  double left = G_MAXDOUBLE, right = 0, top = G_MAXDOUBLE, bottom = 0;
  double page_number_top = 0;
  TempPdf pdf;

  temp_pdf_init (&pdf);
  write_pdf (doc, pdf.path);
  words = page_words (pdf.path, 1);
  g_assert_cmpuint (words->len, >, 10);

  for (guint i = 0; i < words->len; i++)
    {
      Word *word = &g_array_index (words, Word, i);

      if (g_str_equal (word->word, "—") || g_str_equal (word->word, "1"))
        {
          page_number_top = MAX (page_number_top, word->y_min);
          continue;
        }
      left = MIN (left, word->x_min);
      right = MAX (right, word->x_max);
      top = MIN (top, word->y_min);
      bottom = MAX (bottom, word->y_max);
    }

  /* The body's second line starts at the text block's left edge, 28 mm;
   * the title's line at its top, 37 mm; nothing passes 28 + 156 mm or
   * 37 + 225 mm; the page number stands 7 mm under the text block. */
  g_assert_cmpfloat (fabs (left - 28 * MM), <, 1.5);
  g_assert_cmpfloat (fabs (top - 37 * MM), <, 5);
  g_assert_cmpfloat (right, <=, (28 + 156) * MM + 0.5);
  g_assert_cmpfloat (bottom, <=, (37 + 225) * MM + 0.5);
  g_assert_cmpfloat (fabs (page_number_top - (37 + 225 + 7) * MM), <, 4);

  temp_pdf_clear (&pdf);
}

static void
test_long_table (void)
{
  g_autoptr(LinliReportDoc) doc = linli_report_doc_new ("民情事件清单");
  static const LinliReportColumn columns[] = {
    { "事件编号", 2, LINLI_REPORT_ALIGN_START },
    { "事件标题", 5, LINLI_REPORT_ALIGN_START },
    { "所属网格", 2, LINLI_REPORT_ALIGN_CENTER },
    { "办理状态", 1.5, LINLI_REPORT_ALIGN_CENTER },
  };
  LinliReportTable *table = linli_report_doc_add_table (doc, columns, G_N_ELEMENTS (columns));
  g_autoptr(LinliReportLayout) layout = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;

  linli_report_table_set_caption (table, "表2 民情事件");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages, headers = 0, found = 0;
  double width, height;
  TempPdf pdf;

  for (guint i = 1; i <= 500; i++)
    {
      g_autofree char *number = g_strdup_printf ("N%04u", i);
      /* Every seventh title wraps onto three lines and ends in a mark. */
      g_autofree char *title = i % 7 == 0
        ? g_strdup_printf ("楼道堆放杂物影响消防通道居民多次反映要求清理并加强日常巡查管理"
                           "物业公司已经答复将于本周内处理完毕 T%04u", i)
        : g_strdup_printf ("路灯不亮 %u", i);

      linli_report_table_add_row (table, (const char *[]) {
        number, title, i % 2 ? "第一网格" : "第二网格", "已办结" });
    }

  temp_pdf_init (&pdf);
  layout = linli_report_layout_new (doc, LINLI_REPORT_A4_WIDTH, LINLI_REPORT_A4_HEIGHT);
  file = g_file_new_for_path (pdf.path);
  g_assert_true (linli_report_pdf_write_layout (layout, file, &error));
  g_assert_no_error (error);

  n_pages = pdf_pages (pdf.path, &width, &height);
  g_assert_cmpuint (n_pages, ==, linli_report_layout_get_n_pages (layout));
  g_assert_cmpuint (n_pages, >, 10);

  text = pdf_text (pdf.path);
  pages = g_strsplit (text, "\f", -1);
  for (guint p = 0; p < n_pages; p++)
    {
      if (strstr (pages[p], "事件编号") && strstr (pages[p], "办理状态"))
        headers++;
      /* The caption over every part, "continued" after the first. */
      g_assert_nonnull (strstr (pages[p], "表2 民情事件"));
      g_assert_true ((strstr (pages[p], "表2 民情事件 (continued)") != NULL) == (p > 0));
      if (!has_page_number (pages[p], p + 1))
        g_error ("page %u has no page number:\n%s", p + 1, pages[p]);
    }
  g_assert_cmpuint (headers, ==, n_pages);

  /* Each row once, all of it on one page. */
  for (guint i = 1; i <= 500; i++)
    {
      g_autofree char *number = g_strdup_printf ("N%04u", i);
      g_autofree char *mark = g_strdup_printf ("T%04u", i);

      for (guint p = 0; p < n_pages; p++)
        {
          const char *at = strstr (pages[p], number);

          if (at == NULL)
            continue;
          found++;
          g_assert_null (strstr (at + 1, number));
          if (i % 7 == 0 && strstr (pages[p], mark) == NULL)
            g_error ("row %u is split across pages", i);
        }
    }
  g_assert_cmpuint (found, ==, 500);

  temp_pdf_clear (&pdf);
}

static void
test_page_break (void)
{
  g_autoptr(LinliReportDoc) doc = linli_report_doc_new ("处理单");
  g_autoptr(LinliReportLayout) layout = NULL;

  linli_report_doc_add_paragraph (doc, "第一页");
  linli_report_doc_add_page_break (doc);
  linli_report_doc_add_paragraph (doc, "第二页");
  linli_report_doc_add_page_break (doc);

  layout = linli_report_layout_new (doc, LINLI_REPORT_A4_WIDTH, LINLI_REPORT_A4_HEIGHT);
  g_assert_cmpuint (linli_report_layout_get_n_pages (layout), ==, 2);
}

static void
test_unwritable (void)
{
  g_autoptr(LinliReportDoc) doc = summary_doc ();
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-folder/report.pdf");
  g_autoptr(GError) error = NULL;

  g_assert_false (linli_report_pdf_write (doc, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* Writing over an existing file replaces it whole. */
static void
test_replace (void)
{
  g_autoptr(LinliReportDoc) doc = summary_doc ();
  g_autofree char *contents = NULL;
  TempPdf pdf;

  temp_pdf_init (&pdf);
  g_assert_true (g_file_set_contents (pdf.path, "old", -1, NULL));
  write_pdf (doc, pdf.path);
  g_assert_true (g_file_get_contents (pdf.path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  temp_pdf_clear (&pdf);
}

/* The PDF's bytes, its dates (when it was written) blanked. */
static GBytes *
pdf_without_dates (const char *path)
{
  g_autoptr(GRegex) dates = g_regex_new ("/(CreationDate|ModDate) *\\([^)]*\\)", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_regex_match_full (dates, contents, length, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      memset (contents + start, ' ', end - start);
      g_match_info_next (match, NULL);
    }
  return g_bytes_new_take (contents, length);
}

static void
pdf_written_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  if (!linli_report_pdf_write_finish (LINLI_STORE (source), result, error) && *error == NULL)
    g_assert_not_reached ();
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* A report written in a thread, from a snapshot of the file, is the one
 * the command line writes; cancelled, it leaves the file as it was. */
static void
test_pdf_in_thread (void)
{
  TestDatabase db;
  LinliReportRequest request = { LINLI_REPORT_KIND_SUMMARY, };
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) threaded = NULL, headless = NULL;
  g_autofree char *contents = NULL;
  TempPdf pdf, other;

  test_demo_open (&db, "linli-report-thread");
  linli_report_period_init_year (&request.period, g_date_time_get_year (test_now ()));
  temp_pdf_init (&pdf);
  temp_pdf_init (&other);

  doc = linli_report_build (db.store, &request, &error);
  g_assert_no_error (error);
  write_pdf (doc, other.path);

  file = g_file_new_for_path (pdf.path);
  linli_report_pdf_write_async (db.store, &request, file, NULL, pdf_written_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);   /* done, without an error */
  g_clear_error (&error);

  threaded = pdf_without_dates (pdf.path);
  headless = pdf_without_dates (other.path);
  g_assert_cmpuint (g_bytes_get_size (threaded), >, 1000);
  g_assert_true (g_bytes_equal (threaded, headless));

  /* Cancelled: the file stays as it was. */
  g_assert_true (g_file_set_contents (pdf.path, "old", -1, NULL));
  g_cancellable_cancel (cancellable);
  linli_report_pdf_write_async (db.store, &request, file, cancellable, pdf_written_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (pdf.path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  temp_pdf_clear (&pdf);
  temp_pdf_clear (&other);
  test_database_close (&db);
}

/* A chart of a hundred grids goes on over pages, inside the text block. */
static void
test_long_chart (void)
{
  g_autoptr(LinliReportDoc) doc = linli_report_doc_new ("各网格受理件数");
  LinliReportChart *chart;
  g_autoptr(LinliReportLayout) layout = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_pages;
  TempPdf pdf;

  linli_report_doc_add_paragraph (doc, "各网格受理情况如下。");
  chart = linli_report_doc_add_bar_chart (doc, "件");
  linli_report_chart_set_title (chart, "图1 各网格受理件数");
  for (guint i = 1; i <= 100; i++)
    {
      g_autofree char *label = g_strdup_printf ("第%u网格", i);
      linli_report_chart_add_bar (chart, label, i % 17 + 1);
    }

  temp_pdf_init (&pdf);
  layout = linli_report_layout_new (doc, LINLI_REPORT_A4_WIDTH, LINLI_REPORT_A4_HEIGHT);
  n_pages = linli_report_layout_get_n_pages (layout);
  g_assert_cmpuint (n_pages, >=, 3);
  file = g_file_new_for_path (pdf.path);
  g_assert_true (linli_report_pdf_write_layout (layout, file, &error));
  g_assert_no_error (error);

  text = pdf_text (pdf.path);
  g_assert_nonnull (strstr (text, "第1网格"));
  g_assert_nonnull (strstr (text, "第100网格"));
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autoptr(GArray) words = page_words (pdf.path, page);

      for (guint i = 0; i < words->len; i++)
        {
          Word *word = &g_array_index (words, Word, i);

          if (word->y_max > (37 + 225) * MM + 0.5 && !g_str_has_prefix (word->word, "—")
              && g_ascii_strtoull (word->word, NULL, 10) != page)
            g_error ("“%s” on page %u is below the text block", word->word, page);
        }
    }
  temp_pdf_clear (&pdf);
}

/* A narrow column of dates is widened so that no date wraps, with room
 * from the column of long text. */
static void
test_short_columns_fit (void)
{
  g_autoptr(LinliReportDoc) doc = linli_report_doc_new ("日期不折行");
  static const LinliReportColumn columns[] = {
    { "日期", 0.5, LINLI_REPORT_ALIGN_START },
    { "事项", 5, LINLI_REPORT_ALIGN_START },
  };
  LinliReportTable *table = linli_report_doc_add_table (doc, columns, G_N_ELEMENTS (columns));
  g_autofree char *text = NULL;
  TempPdf pdf;

  for (guint i = 1; i <= 20; i++)
    {
      g_autofree char *day = g_strdup_printf ("2026-03-%02u", i);

      linli_report_table_add_row (table, (const char *[]) { day, "楼道堆放杂物影响消防通道" });
    }

  temp_pdf_init (&pdf);
  write_pdf (doc, pdf.path);
  text = pdf_text (pdf.path);
  for (guint i = 1; i <= 20; i++)
    {
      g_autofree char *day = g_strdup_printf ("2026-03-%02u", i);

      if (strstr (text, day) == NULL)
        g_error ("%s wrapped:\n%s", day, text);
    }
  temp_pdf_clear (&pdf);
}

/* A printer's paper other than A4: Letter, landscape, and one smaller than
 * the margins. Every page draws cleanly. */
static void
test_other_paper (void)
{
  static const double sizes[][2] = { { 612, 792 }, { 841.89, 595.28 }, { 200, 250 } };
  g_autoptr(LinliReportDoc) doc = summary_doc ();

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(LinliReportLayout) layout = linli_report_layout_new (doc, sizes[i][0], sizes[i][1]);
      guint n_pages = linli_report_layout_get_n_pages (layout);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 100, 100);

      g_assert_cmpuint (n_pages, >=, 1);
      for (guint page = 0; page < n_pages; page++)
        {
          cairo_t *cr = cairo_create (surface);

          linli_report_layout_draw_page (layout, cr, page);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          cairo_destroy (cr);
        }
      cairo_surface_destroy (surface);
    }
}

/* The fast path breaks plain text where PangoLayout would. */
static void
test_plain_text_lines (void)
{
  static const char *texts[] = {
    "路灯不亮",
    "楼道堆放杂物影响消防通道，居民多次反映要求清理。",
    "（东区）3号楼2单元：电动车在楼道充电，存在安全隐患！",
    "Water leaking from the ceiling of flat 302 since Monday",
    "2026-03-04 12:30 王建国 13812345678",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "小区“文明养犬”宣传，发放《告居民书》200份、",
    "满意率98.5%，按期办结率100%；平均3.2天办结",
    "张三/李四 (reporter) e-mail: wang@example.com",
    "C-2026-000123 MQ2026000123",
  };
  static const double widths[] = { 30, 47.5, 58, 80, 133.3, 200 };
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  g_autoptr(GObject) context_object = G_OBJECT (pango_font_map_create_context (map));
  PangoContext *context = PANGO_CONTEXT (context_object);
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string ("Noto Sans CJK SC 10.5");
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoAttrList *attrs;
  LinliPlainText *plain;

  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  plain = linli_plain_text_new (context, desc);

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        guint lines = linli_plain_text_count_lines (plain, texts[t], widths[w]);

        pango_layout_set_width (layout, (int) (widths[w] * PANGO_SCALE));
        pango_layout_set_text (layout, texts[t], -1);
        if (lines != (guint) pango_layout_get_line_count (layout))
          g_error ("“%s” at %g pt: %u lines, Pango has %d", texts[t], widths[w],
                   lines, pango_layout_get_line_count (layout));
      }

  /* A line break is not plain: it is left to Pango. */
  g_assert_cmpuint (linli_plain_text_count_lines (plain, "一\n二", 100), ==, 0);

  linli_plain_text_free (plain);
  pango_font_description_free (desc);
}

/* The grid map over its base map: a community of one grid, 116.580 to
 * 116.584 E and 35.400 to 35.403 N, whose base map is an MBTiles file of
 * solid green tiles or a magenta site plan. Its first page is drawn on an
 * image at a pixel a point. */

#define TILE_GREEN 0x00c800
#define TILE_BLUE 0x0000c8
#define PLAN_MAGENTA 0xff00ff

typedef struct
{
  TestDatabase db;
  char        *file;   /* the base map's file, removed at the end */
} BaseMapCommunity;

static void
base_map_community_init (BaseMapCommunity *c)
{
  g_autoptr(LinliRecord) community = linli_record_new (LINLI_TYPE_COMMUNITY);
  g_autoptr(LinliRecord) grid = linli_record_new (LINLI_TYPE_GRID);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;

  test_database_open (&c->db, "linli-report-base-map");
  linli_record_set_text (community, "name", "东方御园社区");
  linli_record_set_text (community, "subdistrict", "许庄街道");
  linli_record_set_double (community, "center_lat", 35.40);
  linli_record_set_double (community, "center_lon", 116.58);
  linli_record_set_datetime (community, "created_at", created);
  linli_store_insert (c->db.store, community, &error);
  g_assert_no_error (error);
  linli_record_set_text (grid, "code", "DF-01");
  linli_record_set_text (grid, "name", "第一网格");
  linli_record_set_enum (grid, "kind", LINLI_GRID_KIND_MANAGEMENT);
  linli_record_set_text (grid, "boundary",
                         "{\"type\":\"Polygon\",\"coordinates\":[[[116.580,35.400],[116.584,35.400],"
                         "[116.584,35.403],[116.580,35.403],[116.580,35.400]]]}");
  linli_store_insert (c->db.store, grid, &error);
  g_assert_no_error (error);
  c->file = NULL;
}

static void
base_map_community_clear (BaseMapCommunity *c)
{
  if (c->file)
    g_unlink (c->file);
  g_clear_pointer (&c->file, g_free);
  test_database_close (&c->db);
}

static void
set_base_map (BaseMapCommunity *c,
              const char       *kind,
              const char       *column,
              const char       *path)
{
  g_autoptr(LinliCommunity) community = linli_store_dup_community (c->db.store);
  g_autoptr(GError) error = NULL;

  linli_record_set_text (LINLI_RECORD (community), "base_map", kind);
  linli_record_set_text (LINLI_RECORD (community), column, path);
  g_assert_true (linli_store_update (c->db.store, LINLI_RECORD (community), &error));
  g_assert_no_error (error);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
solid_surface (int     width,
               int     height,
               guint32 rgb)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, (rgb >> 16) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
  cairo_paint (cr);
  cairo_destroy (cr);
  return surface;
}

/* A tile as JPEG, as many offline maps hold them. */
static GByteArray *
jpeg_bytes (guint32 rgb)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 256, 256);
  g_autoptr(GError) error = NULL;
  gchar *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, rgb << 8 | 0xff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "100", NULL));
  g_assert_no_error (error);
  return g_byte_array_new_take ((guint8 *) buffer, size);
}

static GByteArray *
png_bytes (guint32 rgb)
{
  cairo_surface_t *surface = solid_surface (256, 256, rgb);
  GByteArray *png = g_byte_array_new ();

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return png;
}

/* Every tile of zooms 15 to 17 over the grid and a tile around it, in TMS
 * rows: green tiles at zoom 17, blue ones at the coarser zooms that a
 * map of a few hundred metres on A4 should not take. The tiles are PNG, or
 * JPEG when @format is "jpg", and the metadata says so. */
static void
write_green_mbtiles (const char *path,
                     const char *format)
{
  g_autofree char *metadata = g_strdup_printf ("CREATE TABLE metadata (name TEXT, value TEXT);"
                                               "INSERT INTO metadata VALUES ('name', 'test'), ('format', '%s'),"
                                               " ('attribution', '<a href=\"https://example.org/\">&copy; 测绘</a> test');",
                                               format);
  gboolean jpeg = g_str_equal (format, "jpg");
  g_autoptr(GByteArray) green = jpeg ? jpeg_bytes (TILE_GREEN) : png_bytes (TILE_GREEN);
  g_autoptr(GByteArray) blue = jpeg ? jpeg_bytes (TILE_BLUE) : png_bytes (TILE_BLUE);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, metadata, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER,"
                                 " tile_row INTEGER, tile_data BLOB)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO tiles VALUES (?, ?, ?, ?)", -1, &stmt, NULL), ==, SQLITE_OK);
  for (int zoom = 15; zoom <= 17; zoom++)
    {
      double x0, y0, x1, y1, n = 1 << zoom;
      GByteArray *png = zoom == 17 ? green : blue;

      linli_mercator_from_lonlat (116.580, 35.403, &x0, &y0);
      linli_mercator_from_lonlat (116.584, 35.400, &x1, &y1);
      for (int x = (int) (x0 * n) - 1; x <= (int) (x1 * n) + 1; x++)
        for (int y = (int) (y0 * n) - 1; y <= (int) (y1 * n) + 1; y++)
          {
            sqlite3_bind_int (stmt, 1, zoom);
            sqlite3_bind_int (stmt, 2, x);
            sqlite3_bind_int (stmt, 3, (1 << zoom) - 1 - y);
            sqlite3_bind_blob (stmt, 4, png->data, png->len, SQLITE_STATIC);
            g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
            sqlite3_reset (stmt);
          }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* How many pixels of the map's first page have the colour rgb (within a
 * step or two of rounding), and the leftmost and rightmost of them. */
static guint
count_colour (LinliReportDoc *doc,
              guint32         rgb,
              int            *left,
              int            *right)
{
  g_autoptr(LinliReportLayout) layout = linli_report_layout_new (doc, LINLI_REPORT_A4_WIDTH,
                                                                 LINLI_REPORT_A4_HEIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 596, 842);
  cairo_t *cr = cairo_create (surface);
  const guint8 *data;
  int stride;
  guint n = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  linli_report_layout_draw_page (layout, cr, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  *left = G_MAXINT;
  *right = -1;
  for (int y = 0; y < 842; y++)
    for (int x = 0; x < 596; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);
        gboolean near = TRUE;

        for (int shift = 0; shift < 24; shift += 8)
          near = near && ABS ((int) ((pixel >> shift) & 0xff) - (int) ((rgb >> shift) & 0xff)) <= 2;
        if (near)
          {
            n++;
            *left = MIN (*left, x);
            *right = MAX (*right, x);
          }
      }
  cairo_surface_destroy (surface);
  return n;
}

static LinliReportDoc *
grid_map (BaseMapCommunity *c)
{
  g_autoptr(GError) error = NULL;
  LinliReportDoc *doc = linli_report_build_grid_map (c->db.store, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
test_grid_map_mbtiles (void)
{
  BaseMapCommunity c;
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autoptr(LinliReportDoc) bare = NULL;
  g_autofree char *text = NULL;
  TempPdf pdf;
  int left, right;
  guint n;

  base_map_community_init (&c);
  bare = grid_map (&c);
  g_assert_cmpuint (count_colour (bare, TILE_GREEN, &left, &right), ==, 0);

  /* PNG tiles, and JPEG ones. */
  for (guint i = 0; i < 2; i++)
    {
      const char *format = i == 0 ? "png" : "jpg";
      g_autofree char *name = g_strdup_printf ("base-%s.mbtiles", format);

      g_free (c.file);
      c.file = g_build_filename (c.db.dir, name, NULL);
      write_green_mbtiles (c.file, format);
      set_base_map (&c, "mbtiles", "mbtiles_path", c.file);
      g_clear_object (&doc);
      g_clear_pointer (&text, g_free);
      doc = grid_map (&c);
      text = linli_report_doc_to_text (doc);
      g_assert_nonnull (strstr (text, "Base map: © 测绘 test\n"));

      /* Green round the grid, none of it past the frame: the text block,
       * 28 mm to 184 mm from the left edge. */
      n = count_colour (doc, TILE_GREEN, &left, &right);
      g_assert_cmpuint (n, >, 5000);
      g_assert_cmpint (left, >=, (int) floor (28 * MM));
      g_assert_cmpint (right, <=, (int) ceil (184 * MM));
      g_assert_cmpuint (count_colour (doc, TILE_BLUE, &left, &right), ==, 0);
      if (i == 0)
        g_remove (c.file);
    }

  temp_pdf_init (&pdf);
  write_pdf (doc, pdf.path);
  temp_pdf_clear (&pdf);
  base_map_community_clear (&c);
}

static void
test_grid_map_missing_base_map (void)
{
  BaseMapCommunity c;
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autofree char *text = NULL, *pdf_said = NULL;
  TempPdf pdf;
  int left, right;

  base_map_community_init (&c);
  set_base_map (&c, "mbtiles", "mbtiles_path", "/nonexistent/linli/base.mbtiles");
  doc = grid_map (&c);
  text = linli_report_doc_to_text (doc);
  g_assert_nonnull (strstr (text, "Base map not drawn: base.mbtiles could not be read.\n"));
  g_assert_cmpuint (count_colour (doc, TILE_GREEN, &left, &right), ==, 0);

  temp_pdf_init (&pdf);
  write_pdf (doc, pdf.path);
  pdf_said = pdf_text (pdf.path);
  g_assert_nonnull (strstr (pdf_said, "第一网格"));
  g_assert_nonnull (strstr (pdf_said, "Base map not drawn"));
  temp_pdf_clear (&pdf);

  /* Online tiles: said so. */
  set_base_map (&c, "osm", "mbtiles_path", NULL);
  g_clear_object (&doc);
  g_clear_pointer (&text, g_free);
  doc = grid_map (&c);
  text = linli_report_doc_to_text (doc);
  g_assert_nonnull (strstr (text, "Base map: none (online maps are not printed).\n"));
  base_map_community_clear (&c);
}

static void
test_grid_map_site_plan (void)
{
  BaseMapCommunity c;
  g_autoptr(LinliReportDoc) doc = NULL;
  g_autoptr(LinliCommunity) community = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *plan;
  int left, right;

  base_map_community_init (&c);
  c.file = g_build_filename (c.db.dir, "plan.png", NULL);
  plan = solid_surface (100, 80, PLAN_MAGENTA);
  g_assert_cmpint (cairo_surface_write_to_png (plan, c.file), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (plan);

  /* The plan a little wider than the grid, at half opacity: magenta over
   * white paper. */
  set_base_map (&c, "site-plan", "site_plan_path", c.file);
  community = linli_store_dup_community (c.db.store);
  linli_record_set_text (LINLI_RECORD (community), "site_plan_points",
                         "[[0, 0, 116.5795, 35.4034], [100, 0, 116.5845, 35.4034], [0, 80, 116.5795, 35.3996]]");
  linli_record_set_double (LINLI_RECORD (community), "site_plan_opacity", 0.5);
  g_assert_true (linli_store_update (c.db.store, LINLI_RECORD (community), &error));
  g_assert_no_error (error);

  doc = grid_map (&c);
  g_assert_cmpuint (count_colour (doc, 0xff80ff, &left, &right), >, 2000);
  g_assert_cmpuint (count_colour (doc, PLAN_MAGENTA, &left, &right), ==, 0);

  /* The same plan as a JPEG is drawn too. */
  {
    g_autoptr(GdkPixbuf) jpeg = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 100, 80);

    gdk_pixbuf_fill (jpeg, (guint32) PLAN_MAGENTA << 8 | 0xff);
    g_assert_true (gdk_pixbuf_save (jpeg, c.file, "jpeg", NULL, "quality", "100", NULL));
    g_clear_object (&doc);
    doc = grid_map (&c);
    g_assert_cmpuint (count_colour (doc, 0xff80ff, &left, &right), >, 2000);
  }

  /* Not a picture, then gone from disk: the map without it, and a note. */
  g_assert_true (g_file_set_contents (c.file, "\xff\xd8\xff\xe0\x00\x10JFIF", 10, NULL));
  g_clear_object (&doc);
  doc = grid_map (&c);
  g_assert_cmpuint (count_colour (doc, 0xff80ff, &left, &right), ==, 0);
  text = linli_report_doc_to_text (doc);
  g_assert_nonnull (strstr (text, "Base map not drawn: the site plan is not a picture Linli can read.\n"));
  g_unlink (c.file);
  g_clear_object (&doc);
  g_clear_pointer (&text, g_free);
  doc = grid_map (&c);
  g_assert_cmpuint (count_colour (doc, 0xff80ff, &left, &right), ==, 0);
  text = linli_report_doc_to_text (doc);
  g_assert_nonnull (strstr (text, "Base map not drawn: the site plan could not be read.\n"));
  base_map_community_clear (&c);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-layout/doc-text", test_doc_text);
  g_test_add_func ("/report-layout/pdf-text", test_pdf_text);
  g_test_add_func ("/report-layout/margins", test_margins);
  g_test_add_func ("/report-layout/long-table", test_long_table);
  g_test_add_func ("/report-layout/page-break", test_page_break);
  g_test_add_func ("/report-layout/unwritable", test_unwritable);
  g_test_add_func ("/report-layout/replace", test_replace);
  g_test_add_func ("/report-layout/pdf-in-thread", test_pdf_in_thread);
  g_test_add_func ("/report-layout/plain-text-lines", test_plain_text_lines);
  g_test_add_func ("/report-layout/other-paper", test_other_paper);
  g_test_add_func ("/report-layout/short-columns-fit", test_short_columns_fit);
  g_test_add_func ("/report-layout/long-chart", test_long_chart);
  g_test_add_func ("/report-layout/grid-map-mbtiles", test_grid_map_mbtiles);
  g_test_add_func ("/report-layout/grid-map-missing-base-map", test_grid_map_missing_base_map);
  g_test_add_func ("/report-layout/grid-map-site-plan", test_grid_map_site_plan);

  return g_test_run ();
}
