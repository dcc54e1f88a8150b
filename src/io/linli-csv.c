/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <string.h>

#include "linli-csv.h"
#include "linli-csv-private.h"

/* CSV as RFC 4180 has it and as Excel and WPS write it: comma-separated
 * (tab-separated when the header has tabs and no commas), fields quoted when
 * they hold a separator, a quote or a line break, quotes doubled inside,
 * any of CRLF, LF and CR ending a line.
 *
 * A table keeps every cell back to back in one buffer and an offset for
 * each, so 100,000 rows of 25 columns cost two allocations that grow, not
 * millions of strings. */

/* Beyond this the cell offsets (32 bits) could overflow; no office sheet
 * comes near it. */
#define MAX_FILE_SIZE ((gsize) 1 << 30)

/* The reader takes the stream this much at a time. */
#define READ_CHUNK 65536

/* The writer hands the stream this much at a time. */
#define WRITE_CHUNK (256 * 1024)

/* How many rows with too many fields one error message lists. */
#define MAX_LISTED_LINES 10

struct _LinliCsvTable
{
  gatomicrefcount   ref_count;
  LinliCsvEncoding  encoding;
  char              separator;
  guint             n_columns;
  guint             n_rows;     /* data rows: the header is not counted */
  GString          *cells;      /* each cell NUL-terminated; offset 0 is the empty cell */
  GArray           *offsets;    /* guint32 per cell, row by row, the header first */
  GArray           *lines;      /* guint per data row: the line it starts on */
  gsize             header_end; /* of the header's cells in @cells */

  /* A preview (linli_csv_read_preview()): the header and the first rows
   * of @file, which is read again a piece at a time for the rest. */
  GFile            *file;
  guint             n_file_rows;
  guint64           checksum;   /* of the bytes of the file, to tell it changed */
  gsize             chunk;
};

struct _LinliCsvWriter
{
  GOutputStream *out;           /* NULL: the cells are kept in rows */
  char          *buffer;        /* what is not written yet */
  gsize          len;
  gsize          size;
  gboolean       in_row;        /* a field of the current row was added */
  GPtrArray     *rows;          /* GArray of LinliCsvCell, when kept */
};

G_DEFINE_QUARK (linli-csv-error-quark, linli_csv_error)
G_DEFINE_BOXED_TYPE (LinliCsvTable, linli_csv_table, linli_csv_table_ref, linli_csv_table_unref)

/* ------------------------------------------------------------------------ */
/* Encodings */

static guint
count_lines (const char *text,
             gsize       len)
{
  guint line = 1;

  for (gsize i = 0; i < len; i++)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n')))
      line++;
  return line;
}

/**
 * linli_csv_encoding_to_string:
 *
 * Returns: the name of @encoding as people know it: "UTF-8", "GB18030" …
 */
const char *
linli_csv_encoding_to_string (LinliCsvEncoding encoding)
{
  switch (encoding)
    {
    case LINLI_CSV_ENCODING_UTF8:     return "UTF-8";
    case LINLI_CSV_ENCODING_UTF8_BOM: return "UTF-8 (BOM)";
    case LINLI_CSV_ENCODING_GB18030:  return "GB18030";
    case LINLI_CSV_ENCODING_UTF16:    return "UTF-16";
    default: g_return_val_if_reached (NULL);
    }
}

/* ------------------------------------------------------------------------ */
/* Reading */

/* g_string_append_len() without a call when the text fits, as it does
 * nearly always: the reader appends every cell of a file, and GLib 2.74
 * has no inline path for it. */
static inline void
append_text (GString    *cells,
             const char *text,
             gsize       len)
{
  if (G_LIKELY (cells->len + len < cells->allocated_len))
    {
      memcpy (cells->str + cells->len, text, len);
      cells->len += len;
      cells->str[cells->len] = '\0';
    }
  else
    g_string_append_len (cells, text, len);
}

/* Appends the inside of a quoted field. Its line breaks become "\n", the
 * way a cell holds them whatever the file's line ends were. */
static void
append_quoted (GString    *cells,
               const char *text,
               gsize       len,
               guint      *line)
{
  const char *end = text + len;

  if (memchr (text, '\r', len) == NULL)
    {
      g_string_append_len (cells, text, len);
      for (const char *p = text; (p = memchr (p, '\n', end - p)) != NULL; p++)
        (*line)++;
      return;
    }

  for (const char *p = text; p < end; p++)
    {
      if (*p == '\r')
        {
          if (p + 1 < end && p[1] == '\n')
            p++;
          g_string_append_c (cells, '\n');
          (*line)++;
        }
      else
        {
          if (*p == '\n')
            (*line)++;
          g_string_append_c (cells, *p);
        }
    }
}

static char
detect_separator (const char *text,
                  gsize       len)
{
  gsize n = 0;

  while (n < len && text[n] != '\n' && text[n] != '\r')
    n++;
  if (memchr (text, '\t', n) != NULL && memchr (text, ',', n) == NULL)
    return '\t';
  return ',';
}

static void
set_fields_error (GError **error,
                  GArray  *bad_lines,
                  guint    n_columns)
{
  g_autoptr(GString) message = g_string_new (NULL);
  guint n_listed = MIN (bad_lines->len / 2, MAX_LISTED_LINES);

  /* Pairs: the line, and how many fields it has. */
  for (guint i = 0; i < n_listed; i++)
    {
      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append_printf (message, _("Line %u has %u fields, but the header has %u."),
                              g_array_index (bad_lines, guint, 2 * i),
                              g_array_index (bad_lines, guint, 2 * i + 1), n_columns);
    }
  if (bad_lines->len / 2 > n_listed)
    {
      guint more = bad_lines->len / 2 - n_listed;
      g_string_append_c (message, '\n');
      g_string_append_printf (message, ngettext ("… and %u more line like these.",
                                                 "… and %u more lines like these.", more), more);
    }
  g_set_error_literal (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_FIELDS, message->str);
}

/* What the reading knows between two pieces of the text. */
typedef struct
{
  LinliCsvTable *table;
  GArray        *row;         /* guint32 offsets of the row being read */
  GArray        *bad_lines;   /* pairs: a line with too many fields, and how many */
  gboolean       have_header;
  guint          line;        /* of the text not read yet */
  guint          keep;        /* rows the table keeps; those after are only counted */
  guint          n_skipped;
} Parser;

/* Where the unquoted field at @p ends: at @sep, a line break, or @end.
 * Eight bytes at a time while none of them is one of those (a word's
 * bytes tested at once: a byte v - 1 borrows into its top bit only when
 * v was 0), then a byte at a time. A byte at a time throughout, this was
 * a tenth of the instructions of an import. */
static inline const char *
field_end (const char *p,
           const char *end,
           char        sep)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 tops = ones * 0x80;
  const guint64 seps = ones * (guchar) sep, lfs = ones * '\n', crs = ones * '\r';

  while (end - p >= 8)
    {
      guint64 word, x, y, z;

      memcpy (&word, p, 8);
      x = word ^ seps;
      y = word ^ lfs;
      z = word ^ crs;
      if ((((x - ones) & ~x) | ((y - ones) & ~y) | ((z - ones) & ~z)) & tops)
        break;
      p += 8;
    }
  while (p < end && *p != sep && *p != '\n' && *p != '\r')
    p++;
  return p;
}

/* Reads the rows that @text holds whole into the table. Unless @at_end,
 * it stops before a row the text ends in, which may go on in the next
 * piece, and says in @consumed where. */
static gboolean
parse_some (Parser      *ps,
            const char  *text,
            gsize        len,
            gboolean     at_end,
            gsize       *consumed,
            GError     **error)
{
  LinliCsvTable *self = ps->table;
  const char *p = text, *end = text + len;
  const char sep = self->separator;
  GArray *row = ps->row;

  while (p < end)
    {
      const char *row_start = p;
      gsize cells_at_start = self->cells->len;
      guint row_line = ps->line;
      gboolean all_empty = TRUE;
      guint n_fields = 0;

      /* The row's offsets are set by index, the array grown when full
       * and cut to the fields at the end: no call per cell. */
      for (;;)
        {
          guint32 offset = (guint32) self->cells->len;
          const char *start;

          if (p < end && *p == '"')
            {
              guint quote_line = ps->line;

              for (p++;;)
                {
                  const char *quote = memchr (p, '"', end - p);

                  /* Its closing quote, or a doubled one, may be in the
                   * next piece. */
                  if (!at_end && (quote == NULL || quote + 1 == end))
                    goto incomplete;
                  if (quote == NULL)
                    {
                      g_set_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_QUOTE,
                                   _("Line %u: a quoted field is not closed: its closing quote mark is missing."),
                                   quote_line);
                      return FALSE;
                    }
                  append_quoted (self->cells, p, quote - p, &ps->line);
                  p = quote + 1;
                  if (p < end && *p == '"')
                    {
                      g_string_append_c (self->cells, '"');
                      p++;
                      continue;
                    }
                  break;
                }
            }

          /* An unquoted field, or what follows a closing quote before the
           * separator, which Excel keeps as it is. */
          start = p;
          p = field_end (p, end, sep);
          if (p == end && !at_end)
            goto incomplete;
          append_text (self->cells, start, p - start);
          /* What linli_csv_writer_add() put before a formula. */
          if (self->cells->str[offset] == '\'' &&
              linli_csv_is_formula (self->cells->str + offset + 1))
            g_string_erase (self->cells, offset, 1);

          if (self->cells->len == offset)
            offset = 0;
          else
            {
              g_string_append_c (self->cells, '\0');
              all_empty = FALSE;
            }
          if (n_fields == row->len)
            g_array_set_size (row, n_fields + 16);
          g_array_index (row, guint32, n_fields++) = offset;

          if (p < end && *p == sep)
            {
              p++;
              continue;
            }
          break;
        }
      g_array_set_size (row, n_fields);

      if (p < end)
        {
          /* A CR whose LF may come next. */
          if (*p == '\r' && p + 1 == end && !at_end)
            goto incomplete;
          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          ps->line++;
        }

      /* Blank lines, and the ",,,," rows a spreadsheet writes for rows
       * that were only formatted, hold nothing. */
      if (all_empty)
        continue;

      if (!ps->have_header)
        {
          ps->have_header = TRUE;
          self->n_columns = row->len;
          g_array_append_vals (self->offsets, row->data, row->len);
          self->header_end = self->cells->len;
          continue;
        }

      if (row->len > self->n_columns)
        {
          /* Empty fields past the last column are only trailing commas. */
          for (guint i = self->n_columns; i < row->len; i++)
            if (g_array_index (row, guint32, i) != 0)
              {
                g_array_append_val (ps->bad_lines, row_line);
                g_array_append_val (ps->bad_lines, n_fields);
                break;
              }
          g_array_set_size (row, self->n_columns);
        }
      else if (row->len < self->n_columns)
        g_array_set_size (row, self->n_columns);   /* zeroed (a cleared array): the empty cell */

      if (self->n_rows >= ps->keep)
        {
          g_string_truncate (self->cells, cells_at_start);
          ps->n_skipped++;
          continue;
        }
      g_array_append_vals (self->offsets, row->data, row->len);
      g_array_append_val (self->lines, row_line);
      self->n_rows++;
      continue;

    incomplete:
      g_string_truncate (self->cells, cells_at_start);
      ps->line = row_line;
      *consumed = row_start - text;
      return TRUE;
    }

  *consumed = len;
  return TRUE;
}

static gboolean
parse_end (Parser  *ps,
           GError **error)
{
  if (!ps->have_header)
    {
      g_set_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_EMPTY,
                   _("The file is empty: it has no header line."));
      return FALSE;
    }
  if (ps->bad_lines->len > 0)
    {
      set_fields_error (error, ps->bad_lines, ps->table->n_columns);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* A sum of the bytes of a file */

/* What tells that a file changed between two readings: a 64-bit hash of
 * its bytes, 8 at a time, the same however the reading cuts them. Not a
 * defence against someone who makes a file to fool it, which is not what
 * it is for, and it costs a fifth of SHA-1's time (9 ms of CPU for
 * 37 MB here, SHA-1 47 ms): a file is summed twice for an import. */
typedef struct
{
  guint64 hash;
  guint64 length;
  guint8  tail[8];
  guint   n_tail;
} Sum;

static inline void
sum_mix (Sum     *sum,
         guint64  word)
{
  sum->hash = (sum->hash ^ word) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  sum->hash ^= sum->hash >> 29;
}

static void
sum_update (Sum          *sum,
            const guint8 *data,
            gsize         len)
{
  guint64 word;

  sum->length += len;
  while (sum->n_tail > 0 && sum->n_tail < 8 && len > 0)
    {
      sum->tail[sum->n_tail++] = *data++;
      len--;
    }
  if (sum->n_tail == 8)
    {
      memcpy (&word, sum->tail, 8);
      sum_mix (sum, word);
      sum->n_tail = 0;
    }
  for (; len >= 8; data += 8, len -= 8)
    {
      memcpy (&word, data, 8);
      sum_mix (sum, word);
    }
  memcpy (sum->tail + sum->n_tail, data, len);
  sum->n_tail += len;
}

static guint64
sum_end (Sum *sum)
{
  guint64 word = 0;

  memcpy (&word, sum->tail, sum->n_tail);
  sum_mix (sum, word);
  sum_mix (sum, sum->length);
  return sum->hash;
}

/* ------------------------------------------------------------------------ */
/* Reading a stream, a piece at a time */

typedef struct
{
  GInputStream     *in;
  GCancellable     *cancellable;
  Sum              *checksum;   /* of every byte read, or NULL */
  LinliCsvBatchFunc batch;      /* handed the rows of each piece, which are then dropped */
  gpointer          batch_data;
  guint             first_row;  /* of the next batch */
  LinliCsvEncoding  encoding;
  gboolean          guessed;    /* UTF-8 without a BOM: GB18030 if it is not */
  GIConv            conv;       /* (GIConv) -1 for UTF-8 */
  GByteArray       *raw;        /* read, not decoded yet */
  GString          *text;       /* decoded, not parsed yet */
  guint64           n_read;
  gboolean          eof;
  Parser            parser;
} Reader;

/* The line of the file @n bytes into what is not decoded yet. */
static guint
raw_line (Reader *r,
          gsize   n)
{
  return r->parser.line + (count_lines (r->text->str, r->text->len) - 1) +
         (count_lines ((const char *) r->raw->data, n) - 1);
}

static gboolean
read_more (Reader  *r,
           gsize    size,
           GError **error)
{
  guint old_len = r->raw->len;
  gsize n = 0;

  g_byte_array_set_size (r->raw, old_len + size);
  if (!g_input_stream_read_all (r->in, r->raw->data + old_len, size, &n, r->cancellable, error))
    {
      g_byte_array_set_size (r->raw, old_len);
      return FALSE;
    }
  g_byte_array_set_size (r->raw, old_len + n);
  if (r->checksum != NULL)
    sum_update (r->checksum, r->raw->data + old_len, n);
  r->eof = n < size;
  r->n_read += n;
  if (r->n_read > MAX_FILE_SIZE)
    {
      g_set_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_TOO_LARGE,
                   _("The file is too large to read (more than 1 GB)."));
      return FALSE;
    }
  if (r->encoding != LINLI_CSV_ENCODING_UTF16 && memchr (r->raw->data + old_len, '\0', n) != NULL)
    {
      g_set_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_ENCODING,
                   _("The file is not a text file: it contains null bytes."));
      return FALSE;
    }
  return TRUE;
}

/* How many bytes at the end of @data (which is not valid UTF-8 from
 * @invalid on) may be the start of a character the next piece ends. */
static gboolean
is_utf8_start (const guchar *data,
               gsize         len)
{
  guint need;

  if (len == 0 || len > 3)
    return FALSE;
  if (data[0] >= 0xC2 && data[0] <= 0xDF)
    need = 2;
  else if (data[0] >= 0xE0 && data[0] <= 0xEF)
    need = 3;
  else if (data[0] >= 0xF0 && data[0] <= 0xF4)
    need = 4;
  else
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if ((data[i] & 0xC0) != 0x80)
      return FALSE;
  return len < need;
}

/* Decodes what was read into r->text; returns FALSE with *@restart when the
 * file guessed to be UTF-8 is not. */
static gboolean
decode_some (Reader    *r,
             gboolean  *restart,
             GError   **error)
{
  const char *data = (const char *) r->raw->data;
  gsize len = r->raw->len;

  if (r->conv == (GIConv) -1)
    {
      const char *invalid = NULL;

      if (g_utf8_validate_len (data, len, &invalid))
        {
          g_string_append_len (r->text, data, len);
          g_byte_array_set_size (r->raw, 0);
          return TRUE;
        }
      if (!r->eof && is_utf8_start ((const guchar *) invalid, data + len - invalid))
        {
          g_string_append_len (r->text, data, invalid - data);
          g_byte_array_remove_range (r->raw, 0, invalid - data);
          return TRUE;
        }
      if (r->guessed)
        {
          *restart = TRUE;
          return FALSE;
        }
      g_set_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_ENCODING,
                   _("Line %u: the file is marked as UTF-8 but is not valid UTF-8 text."),
                   raw_line (r, invalid - data));
      return FALSE;
    }

  while (len > 0)
    {
      char *in = (char *) data;
      gsize in_left = len;
      gsize room = 2 * len + 16;
      gsize old_len = r->text->len;
      char *out;
      gsize out_left = room;
      gsize n;

      g_string_set_size (r->text, old_len + room);
      out = r->text->str + old_len;
      n = g_iconv (r->conv, &in, &in_left, &out, &out_left);
      g_string_set_size (r->text, old_len + (room - out_left));
      if (r->encoding == LINLI_CSV_ENCODING_UTF16 &&
          memchr (r->text->str + old_len, '\0', room - out_left) != NULL)
        {
          g_set_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_ENCODING,
                       _("The file is not a text file: it contains null bytes."));
          return FALSE;
        }
      data = in;
      len = in_left;
      if (n != (gsize) -1)
        break;
      if (errno == E2BIG)
        continue;
      if (errno == EINVAL && !r->eof)
        break;   /* a character the next piece ends */
      if (r->encoding == LINLI_CSV_ENCODING_GB18030)
        g_set_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_ENCODING,
                     _("Line %u: the file is neither UTF-8 nor GB18030 text."),
                     raw_line (r, 0));   /* the text holds what came before */
      else
        g_set_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_ENCODING,
                     _("The file is marked as UTF-16 but cannot be read as UTF-16 text: %s"),
                     g_strerror (errno));
      return FALSE;
    }
  g_byte_array_remove_range (r->raw, 0, r->raw->len - len);
  return TRUE;
}

static void
reader_clear (Reader *r)
{
  if (r->conv != (GIConv) -1)
    g_iconv_close (r->conv);
  r->conv = (GIConv) -1;
  g_clear_pointer (&r->raw, g_byte_array_unref);
  if (r->text != NULL)
    g_string_free (r->text, TRUE);
  r->text = NULL;
  g_clear_pointer (&r->parser.table, linli_csv_table_unref);
  g_clear_pointer (&r->parser.row, g_array_unref);
  g_clear_pointer (&r->parser.bad_lines, g_array_unref);
}

/* One reading from the start of the stream; *@restart when it must be
 * read again as GB18030. */
static LinliCsvTable *
read_once (Reader   *r,
           gsize     size_hint,
           gsize     chunk,
           guint     keep,
           gboolean  gb18030,
           gboolean *restart,
           GError  **error)
{
  LinliCsvTable *self;
  const guchar *data;
  gboolean have_separator = FALSE;
  gsize next = chunk;

  r->raw = g_byte_array_sized_new (chunk);
  r->text = g_string_sized_new (chunk);
  r->conv = (GIConv) -1;
  r->n_read = 0;
  r->eof = FALSE;
  /* Cleared: a row shorter than the header is padded with zeros, the
   * empty cell, not with what a longer row left there. */
  r->parser.row = g_array_new (FALSE, TRUE, sizeof (guint32));
  r->parser.bad_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  r->parser.line = 1;
  r->parser.have_header = FALSE;
  r->parser.keep = keep;
  r->parser.n_skipped = 0;
  r->first_row = 0;
  if (r->checksum != NULL)
    memset (r->checksum, 0, sizeof *r->checksum);

  self = g_new0 (LinliCsvTable, 1);
  g_atomic_ref_count_init (&self->ref_count);
  /* The cells are at most the text plus a NUL each; a table that keeps
   * a few rows, or a piece's, is much less. */
  if (keep != G_MAXUINT || r->batch != NULL)
    size_hint = MIN (size_hint, 2 * chunk);
  self->cells = g_string_sized_new (MIN (size_hint, MAX_FILE_SIZE) * 9 / 8 + 1);
  g_string_append_c (self->cells, '\0');
  self->offsets = g_array_new (FALSE, TRUE, sizeof (guint32));
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  r->parser.table = self;

  /* The first piece says what the file is, by its byte order mark; it
   * looks for null bytes itself, which UTF-16 has. */
  r->encoding = LINLI_CSV_ENCODING_UTF16;
  if (!read_more (r, MAX (chunk, 4), error))
    return NULL;
  data = r->raw->data;
  if (r->raw->len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      r->encoding = LINLI_CSV_ENCODING_UTF16;
      r->conv = g_iconv_open ("UTF-8", data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE");
      g_byte_array_remove_range (r->raw, 0, 2);
    }
  else if (memchr (data, '\0', r->raw->len) != NULL)
    {
      g_set_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_ENCODING,
                   _("The file is not a text file: it contains null bytes."));
      return NULL;
    }
  else if (r->raw->len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      r->encoding = LINLI_CSV_ENCODING_UTF8_BOM;
      g_byte_array_remove_range (r->raw, 0, 3);
    }
  else if (gb18030)
    {
      /* Excel's and WPS's "CSV" on Chinese Windows: the ANSI code page,
       * GBK, of which GB18030 is the superset. */
      r->encoding = LINLI_CSV_ENCODING_GB18030;
      r->conv = g_iconv_open ("UTF-8", "GB18030");
    }
  else
    {
      r->encoding = LINLI_CSV_ENCODING_UTF8;
      r->guessed = TRUE;
    }
  self->encoding = r->encoding;

  for (;;)
    {
      gsize consumed = 0;

      if (!decode_some (r, restart, error))
        return NULL;
      if (!have_separator && (r->eof || memchr (r->text->str, '\n', r->text->len) ||
                              memchr (r->text->str, '\r', r->text->len)))
        {
          self->separator = detect_separator (r->text->str, r->text->len);
          have_separator = TRUE;
        }
      if (have_separator)
        {
          if (!parse_some (&r->parser, r->text->str, r->text->len, r->eof, &consumed, error))
            return NULL;
          g_string_erase (r->text, 0, consumed);
          if (r->batch != NULL && self->n_rows > 0)
            {
              /* Rows with too many fields are said together at the end,
               * which a batch never reaches: the first stops it. */
              if (!parse_end (&r->parser, error) ||
                  !r->batch (self, r->first_row, r->batch_data, error))
                return NULL;
              r->first_row += self->n_rows;
              g_string_truncate (self->cells, self->header_end);
              g_array_set_size (self->offsets, self->n_columns);
              g_array_set_size (self->lines, 0);
              self->n_rows = 0;
            }
        }
      if (r->eof)
        break;
      /* A row longer than a piece: read as much again as is waiting, so
       * that a long row is not read over and over. */
      next = MAX (chunk, r->text->len);
      if (!read_more (r, next, error))
        return NULL;
    }

  if (!parse_end (&r->parser, error))
    return NULL;
  self->n_file_rows = r->first_row + self->n_rows + r->parser.n_skipped;
  return linli_csv_table_ref (self);
}

/**
 * linli_csv_read_stream:
 * @in: the file; seekable, or a file guessed to be UTF-8 that is not cannot
 *   be read again as GB18030
 * @size_hint: its size when known, else 0
 *
 * Reads a CSV file as linli_csv_read() does, a piece at a time: it holds the
 * table and one piece of the file, never the whole file beside it.
 *
 * Returns: (transfer full): the table, or %NULL with a #LinliCsvError, or a
 *   #GIOError of reading or %G_IO_ERROR_CANCELLED
 */
LinliCsvTable *
linli_csv_read_stream (GInputStream  *in,
                       gsize          size_hint,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return linli_csv_read_stream_full (in, size_hint, READ_CHUNK, cancellable, error);
}

static void
set_changed_error (GError **error)
{
  g_set_error_literal (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_CHANGED,
                       _("The file was changed since it was read. Open it again to import it."));
}

/* Reads @in: keeping @keep rows of it at most (the others are counted),
 * or handing each piece's rows to @batch; summing its bytes into
 * @checksum. With @encoding of a file read before, it is read as that
 * file was, without guessing. */
static LinliCsvTable *
read_stream (GInputStream            *in,
             gsize                    size_hint,
             gsize                    chunk,
             guint                    keep,
             const LinliCsvEncoding  *encoding,
             LinliCsvBatchFunc        batch,
             gpointer                 batch_data,
             Sum                     *checksum,
             GCancellable            *cancellable,
             GError                 **error)
{
  Reader r = { .in = in, .cancellable = cancellable, .conv = (GIConv) -1,
               .checksum = checksum, .batch = batch, .batch_data = batch_data };
  gboolean gb18030 = encoding != NULL && *encoding == LINLI_CSV_ENCODING_GB18030;
  gboolean restart = FALSE;
  LinliCsvTable *table;

  table = read_once (&r, size_hint, chunk, keep, gb18030, &restart, error);
  reader_clear (&r);
  if (restart && encoding != NULL)
    {
      /* It was UTF-8 when it was read before. */
      set_changed_error (error);
      return NULL;
    }
  if (restart)
    {
      if (!G_IS_SEEKABLE (in) || !g_seekable_can_seek (G_SEEKABLE (in)) ||
          !g_seekable_seek (G_SEEKABLE (in), 0, G_SEEK_SET, cancellable, NULL))
        {
          g_set_error (error, LINLI_CSV_ERROR, LINLI_CSV_ERROR_ENCODING,
                       _("Line %u: the file is neither UTF-8 nor GB18030 text."), 1);
          return NULL;
        }
      r.guessed = FALSE;
      table = read_once (&r, size_hint, chunk, keep, TRUE, &restart, error);
      reader_clear (&r);
    }
  return table;
}

/* linli_csv_read_stream() @chunk bytes at a time. */
LinliCsvTable *
linli_csv_read_stream_full (GInputStream  *in,
                            gsize          size_hint,
                            gsize          chunk,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (in), NULL);
  g_return_val_if_fail (chunk > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_stream (in, size_hint, chunk, G_MAXUINT, NULL, NULL, NULL, NULL, cancellable, error);
}

/**
 * linli_csv_read_file:
 *
 * Reads @file with linli_csv_read_stream(): from any thread.
 *
 * Returns: (transfer full): the table, or %NULL with the error
 */
LinliCsvTable *
linli_csv_read_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(in = g_file_read (file, cancellable, error)))
    return NULL;
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  return linli_csv_read_stream (G_INPUT_STREAM (in),
                                info != NULL ? (gsize) MAX (0, g_file_info_get_size (info)) : 0,
                                cancellable, error);
}

/* linli_csv_read_preview() @chunk bytes at a time, now and when the rows
 * are read again. */
LinliCsvTable *
linli_csv_read_preview_full (GFile         *file,
                             guint          n_rows,
                             gsize          chunk,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  Sum checksum = { 0 };
  LinliCsvTable *table;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (chunk > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(in = g_file_read (file, cancellable, error)))
    return NULL;
  table = read_stream (G_INPUT_STREAM (in), 0, chunk, n_rows, NULL, NULL, NULL, &checksum,
                       cancellable, error);
  if (table == NULL)
    return NULL;
  table->file = g_object_ref (file);
  table->checksum = sum_end (&checksum);
  table->chunk = chunk;
  return table;
}

/**
 * linli_csv_read_preview:
 * @n_rows: how many rows to keep
 *
 * Reads @file as linli_csv_read_file() does, from any thread, but keeps
 * only its header and its first @n_rows rows, for a preview: it holds one
 * piece of the file at a time, whatever its size. It is read whole all the
 * same, so that a file that cannot be read says so now, and the rows are
 * counted (linli_csv_table_get_n_file_rows()); linli_csv_table_foreach()
 * reads them all again.
 *
 * Returns: (transfer full): the table, or %NULL with the error
 */
LinliCsvTable *
linli_csv_read_preview (GFile         *file,
                        guint          n_rows,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return linli_csv_read_preview_full (file, n_rows, READ_CHUNK, cancellable, error);
}

/* A batch handed on only while the rows are no more than the preview
 * counted: what is kept of each row may be sized by that count. */
typedef struct
{
  LinliCsvBatchFunc  func;
  gpointer           user_data;
  guint              n_rows;
} Bounded;

static gboolean
bounded_cb (LinliCsvTable  *batch,
            guint           first_row,
            gpointer        user_data,
            GError        **error)
{
  Bounded *bounded = user_data;

  if (first_row + batch->n_rows > bounded->n_rows)
    {
      set_changed_error (error);
      return FALSE;
    }
  return bounded->func (batch, first_row, bounded->user_data, error);
}

/**
 * linli_csv_table_foreach:
 * @verify: whether the file must be what it was; a reading that only
 *   looks, and is followed by one that verifies, need not pay for it
 * @func: (scope call): handed the rows, a batch at a time: a table of
 *   the same columns, valid during the call, and the file's row of its
 *   first (from 0)
 *
 * Hands every row of the file to @func: a table read whole at once; a
 * preview (linli_csv_read_preview()) a piece of its file at a time,
 * read again, holding no more than that piece. With @verify, a file
 * changed since it was previewed (its bytes are compared) fails with
 * %LINLI_CSV_ERROR_CHANGED, possibly after some batches.
 *
 * Returns: %TRUE when every row was handed over; %FALSE with the error of
 *   reading or of @func, which stops it
 */
gboolean
linli_csv_table_foreach (LinliCsvTable      *self,
                         gboolean            verify,
                         LinliCsvBatchFunc   func,
                         gpointer            user_data,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  Sum checksum = { 0 };
  g_autoptr(LinliCsvTable) last = NULL;
  Bounded bounded = { func, user_data, self->n_file_rows };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->file == NULL)
    return !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           func (self, 0, user_data, error);

  if (!(in = g_file_read (self->file, cancellable, error)))
    return FALSE;
  last = read_stream (G_INPUT_STREAM (in), 0, self->chunk, G_MAXUINT, &self->encoding,
                      bounded_cb, &bounded, verify ? &checksum : NULL, cancellable, error);
  if (last == NULL)
    return FALSE;
  if (last->encoding != self->encoding || last->separator != self->separator ||
      last->n_columns != self->n_columns || last->n_file_rows != self->n_file_rows ||
      (verify && sum_end (&checksum) != self->checksum))
    {
      set_changed_error (error);
      return FALSE;
    }
  return TRUE;
}

/**
 * linli_csv_table_get_n_file_rows:
 *
 * Returns: how many data rows the file has: those of the table, or for a
 *   preview all of them, kept or not
 */
guint
linli_csv_table_get_n_file_rows (LinliCsvTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->file != NULL ? self->n_file_rows : self->n_rows;
}

/**
 * linli_csv_read:
 * @bytes: the contents of a file
 *
 * Reads a CSV file: UTF-8 with or without a byte order mark, GB18030 (and
 * so GBK) when it is not UTF-8, or UTF-16 with a byte order mark. The
 * first line that is not blank is the header; blank rows are skipped;
 * rows shorter than the header are filled with empty cells.
 *
 * Returns: (transfer full): the table, or %NULL with a #LinliCsvError that
 *   names the line: a quoted field that is never closed, or rows with more
 *   fields than the header
 */
LinliCsvTable *
linli_csv_read (GBytes  *bytes,
                GError **error)
{
  g_autoptr(GInputStream) in = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  in = g_memory_input_stream_new_from_bytes (bytes);
  return linli_csv_read_stream (in, g_bytes_get_size (bytes), NULL, error);
}

/* A table of the columns of @table, without rows. */
LinliCsvTable *
linli_csv_table_new_like (LinliCsvTable *table)
{
  LinliCsvTable *self = g_new0 (LinliCsvTable, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->encoding = table->encoding;
  self->separator = table->separator;
  self->n_columns = table->n_columns;
  self->cells = g_string_new_len (table->cells->str, table->header_end);
  self->header_end = table->header_end;
  self->offsets = g_array_new (FALSE, TRUE, sizeof (guint32));
  g_array_append_vals (self->offsets, table->offsets->data, table->n_columns);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

/* Copies @row of @from, a table of the same columns, to the end of @self. */
void
linli_csv_table_append_row (LinliCsvTable *self,
                            LinliCsvTable *from,
                            guint          row)
{
  guint line = linli_csv_table_get_line (from, row);

  g_return_if_fail (self->n_columns == from->n_columns);

  for (guint c = 0; c < self->n_columns; c++)
    {
      const char *cell = linli_csv_table_get_cell (from, row, c);
      guint32 offset = 0;

      if (*cell != '\0')
        {
          offset = (guint32) self->cells->len;
          g_string_append_len (self->cells, cell, strlen (cell) + 1);
        }
      g_array_append_val (self->offsets, offset);
    }
  g_array_append_val (self->lines, line);
  self->n_rows++;
}

LinliCsvTable *
linli_csv_table_ref (LinliCsvTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
linli_csv_table_unref (LinliCsvTable *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_string_free (self->cells, TRUE);
  g_array_unref (self->offsets);
  g_array_unref (self->lines);
  g_clear_object (&self->file);
  g_free (self);
}

LinliCsvEncoding
linli_csv_table_get_encoding (LinliCsvTable *self)
{
  g_return_val_if_fail (self != NULL, LINLI_CSV_ENCODING_UTF8);
  return self->encoding;
}

/**
 * linli_csv_table_get_separator:
 *
 * Returns: ',' or, for a tab-separated file, '\t'
 */
char
linli_csv_table_get_separator (LinliCsvTable *self)
{
  g_return_val_if_fail (self != NULL, ',');
  return self->separator;
}

guint
linli_csv_table_get_n_rows (LinliCsvTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

guint
linli_csv_table_get_n_columns (LinliCsvTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

/**
 * linli_csv_table_get_header:
 *
 * Returns: the name of @column as the header line gives it, maybe ""
 */
const char *
linli_csv_table_get_header (LinliCsvTable *self,
                            guint          column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->cells->str + g_array_index (self->offsets, guint32, column);
}

/**
 * linli_csv_table_get_cell:
 * @row: a data row, from 0; the header is not one
 *
 * Returns: the text of the cell, exactly as in the file but for line
 *   breaks, which are "\n"; "" when it is empty
 */
const char *
linli_csv_table_get_cell (LinliCsvTable *self,
                          guint          row,
                          guint          column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->cells->str + g_array_index (self->offsets, guint32,
                                           (gsize) (row + 1) * self->n_columns + column);
}

/**
 * linli_csv_table_get_line:
 *
 * Returns: the line of the file, from 1, where data row @row starts: what a
 *   message about the row names
 */
guint
linli_csv_table_get_line (LinliCsvTable *self,
                          guint          row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->n_rows, 0);

  return g_array_index (self->lines, guint, row);
}

/* ------------------------------------------------------------------------ */
/* Formulas */

static inline gboolean
starts_formula (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/**
 * linli_csv_is_formula:
 * @text: the text of a cell
 *
 * Whether a cell must be written with a "'" before it: when it begins with
 * a character that starts a formula, or with "'"s and then such a
 * character. The second keeps the round trip exact: "'=x" is written
 * "''=x", and reading takes off one "'".
 */
gboolean
linli_csv_is_formula (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  while (*text == '\'')
    text++;
  return starts_formula (*text);
}

/* ------------------------------------------------------------------------ */
/* Writing */

/**
 * linli_csv_writer_new:
 * @out: where the file goes; the writer does not close it
 *
 * Writes CSV as Excel and WPS open it without asking: UTF-8 with a byte
 * order mark, CRLF line ends, fields quoted only when they must be.
 *
 * A text that a spreadsheet would run as a formula is written with a "'"
 * before it (see linli_csv_writer_add()); numbers the app writes itself go
 * in as they are with linli_csv_writer_add_number().
 */
LinliCsvWriter *
linli_csv_writer_new (GOutputStream *out)
{
  LinliCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), NULL);

  self = g_new0 (LinliCsvWriter, 1);
  self->out = g_object_ref (out);
  self->size = WRITE_CHUNK + 4096;
  self->buffer = g_malloc (self->size);
  memcpy (self->buffer, "\xEF\xBB\xBF", 3);
  self->len = 3;
  return self;
}

/* Room for @n more bytes at the end of the buffer: where they go. A row
 * longer than a chunk makes it grow. */
static inline char *
reserve (LinliCsvWriter *self,
         gsize           n)
{
  if (G_UNLIKELY (self->len + n > self->size))
    {
      self->size = MAX (self->size * 2, self->len + n);
      self->buffer = g_realloc (self->buffer, self->size);
    }
  return self->buffer + self->len;
}

static void
clear_cell (gpointer data)
{
  LinliCsvCell *cell = data;
  g_clear_pointer (&cell->text, g_free);
}

static void
add_field (LinliCsvWriter *self,
           const char     *field,
           gboolean        neutralise)
{
  gboolean quote, formula;
  gsize len;
  char *out;

  if (self->rows != NULL)
    {
      LinliCsvCell cell = { g_strdup (field), !neutralise };

      if (!self->in_row)
        {
          GArray *row = g_array_new (FALSE, FALSE, sizeof (LinliCsvCell));

          g_array_set_clear_func (row, clear_cell);
          g_ptr_array_add (self->rows, row);
        }
      self->in_row = TRUE;
      g_array_append_val (g_ptr_array_index (self->rows, self->rows->len - 1), cell);
      return;
    }

  if (self->in_row)
    {
      *reserve (self, 1) = ',';
      self->len++;
    }
  self->in_row = TRUE;
  if (field == NULL)
    return;

  /* Most fields need no quotes: one pass finds that and their length. */
  len = strcspn (field, ",\"\n\r");
  quote = field[len] != '\0';
  if (quote)
    len += strlen (field + len);
  /* The "'" is the first character of the cell, inside its quotes. */
  formula = neutralise && linli_csv_is_formula (field);

  if (!quote)
    {
      out = reserve (self, len + 1);
      if (formula)
        *out++ = '\'';
      memcpy (out, field, len);
      self->len = out + len - self->buffer;
      return;
    }

  /* Each quote doubled, at worst every character. */
  out = reserve (self, 2 * len + 3);
  *out++ = '"';
  if (formula)
    *out++ = '\'';
  for (const char *p = field, *q; *p != '\0'; p = q + 1)
    {
      q = strchr (p, '"');
      if (q == NULL)
        {
          gsize rest = field + len - p;

          memcpy (out, p, rest);
          out += rest;
          break;
        }
      memcpy (out, p, q - p + 1);
      out += q - p + 1;
      *out++ = '"';
    }
  *out++ = '"';
  self->len = out - self->buffer;
}

/**
 * linli_csv_writer_add:
 * @field: (nullable): the text of the next field of the row; %NULL is empty
 *
 * Adds a field of text. A text that Excel or WPS would take for a formula
 * (one that begins with "=", "+", "-", "@", a tab or a carriage return,
 * as the OWASP advice on CSV injection lists them) is written with a "'"
 * before it, so that a resident who calls himself "=HYPERLINK(…)" does not
 * run anything on the computer that opens the file; linli_csv_read() takes
 * the "'" away again, so a file reads back as it was written.
 */
void
linli_csv_writer_add (LinliCsvWriter *self,
                      const char     *field)
{
  g_return_if_fail (self != NULL);

  add_field (self, field, TRUE);
}

/**
 * linli_csv_writer_add_number:
 * @field: (nullable): a number, time or date the app formatted itself
 *
 * Adds a field as it is, for values that are not text a person typed:
 * counts, hours, coordinates. "-3" stays a number for the spreadsheet.
 */
void
linli_csv_writer_add_number (LinliCsvWriter *self,
                             const char     *field)
{
  g_return_if_fail (self != NULL);

  add_field (self, field, FALSE);
}

static gboolean
flush_buffer (LinliCsvWriter  *self,
              GCancellable    *cancellable,
              GError         **error)
{
  gboolean ok = g_output_stream_write_all (self->out, self->buffer, self->len,
                                           NULL, cancellable, error);
  self->len = 0;
  return ok;
}

/**
 * linli_csv_writer_new_for_rows:
 *
 * A writer that keeps the cells it is given instead of writing CSV, for a
 * workbook (linli-xlsx.h): each as it was given, without a "'" before a
 * formula, and marked as a number or time when it was added with
 * linli_csv_writer_add_number().
 */
LinliCsvWriter *
linli_csv_writer_new_for_rows (void)
{
  LinliCsvWriter *self = g_new0 (LinliCsvWriter, 1);

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return self;
}

/**
 * linli_csv_writer_get_rows:
 *
 * Returns: (transfer none) (element-type GArray): the rows written so far,
 *   each a #GArray of #LinliCsvCell; %NULL for a writer to a stream
 */
GPtrArray *
linli_csv_writer_get_rows (LinliCsvWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->rows;
}

gboolean
linli_csv_writer_end_row (LinliCsvWriter  *self,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->rows != NULL)
    {
      /* An empty row is a row too. */
      if (!self->in_row)
        g_ptr_array_add (self->rows, g_array_new (FALSE, FALSE, sizeof (LinliCsvCell)));
      self->in_row = FALSE;
      return !g_cancellable_set_error_if_cancelled (cancellable, error);
    }

  memcpy (reserve (self, 2), "\r\n", 2);
  self->len += 2;
  self->in_row = FALSE;
  if (self->len >= WRITE_CHUNK)
    return flush_buffer (self, cancellable, error);
  return TRUE;
}

/**
 * linli_csv_writer_finish:
 *
 * Writes what is left and flushes the stream. A row that was begun is
 * ended first.
 */
gboolean
linli_csv_writer_finish (LinliCsvWriter  *self,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->in_row && !linli_csv_writer_end_row (self, cancellable, error))
    return FALSE;
  if (self->rows != NULL)
    return TRUE;
  return flush_buffer (self, cancellable, error) &&
         g_output_stream_flush (self->out, cancellable, error);
}

void
linli_csv_writer_free (LinliCsvWriter *self)
{
  g_return_if_fail (self != NULL);

  g_clear_object (&self->out);
  g_free (self->buffer);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self);
}

/* ------------------------------------------------------------------------ */

/**
 * linli_csv_row_error_new:
 * @message: (transfer full): what is wrong, naming the line
 */
LinliCsvRowError *
linli_csv_row_error_new (guint  line,
                         char  *message)
{
  LinliCsvRowError *self = g_new (LinliCsvRowError, 1);

  self->line = line;
  self->message = message;
  return self;
}

void
linli_csv_row_error_free (LinliCsvRowError *error)
{
  if (error == NULL)
    return;
  g_free (error->message);
  g_free (error);
}
