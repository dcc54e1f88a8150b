/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "linli-case-csv-private.h"
#include "linli-record-list.h"
#include "linli-record-sql.h"
#include "linli-text.h"

/* Checking the rows of a file to import: reading times, labels and phone
 * numbers as offices write them, finding the grids, workers, buildings and
 * reporters the rows name, and saying what is wrong with each row. Nothing
 * is written unless every row is right; linli-case-csv-write.c writes
 * them. */

#define MAX_TITLE_LENGTH 100    /* characters: the schema's limit */
#define NUMBER_BATCH     250    /* case numbers looked up per query (3 parameters each) */
#define MAX_ROW_ERRORS   1000   /* kept of the rows' own errors: enough to see what is wrong */

/* ------------------------------------------------------------------------ */
/* Values of the enumerations */

static const char *
status_label (int value)
{
  return linli_case_status_label (value);
}

static const char *
urgency_label (int value)
{
  return linli_urgency_label (value);
}

static const char *
level_label (int value)
{
  return linli_resolution_level_label (value);
}

static const char *
satisfaction_label (int value)
{
  return linli_satisfaction_label (value);
}

/* Labels are translated when they are written, so a file holds the words
 * of the locale it was exported in: the import knows the English labels
 * (the msgids), the Chinese ones and the office's usual words as well as
 * the current locale's and the nicks. */
static const EnumSpec status_spec = {
  linli_case_status_get_type, status_label, {
    "Registered|已登记|登记|待受理|待分派",
    "Assigned|已分派|分派|已派单|派单",
    "In Progress|处置中|办理中|处理中|进行中",
    "Resolved|已办结|办结|已解决|已完成|完成",
    "Revisited|已回访|回访",
    "Escalated|已上报|上报",
    "Suspended|挂起|已挂起",
    "Void|作废|已作废",
    "Duplicate|重复",
  }
};

static const EnumSpec urgency_spec = {
  linli_urgency_get_type, urgency_label, {
    "Low|低|不急",
    "Normal|一般|普通|正常",
    "High|较急|急|高",
    "Urgent|紧急|特急",
  }
};

static const EnumSpec level_spec = {
  linli_resolution_level_get_type, level_label, {
    "Not resolved|未办结",
    "Within the grid|网格内解决|网格内|网格",
    "Within the community|社区内解决|社区内|社区",
    "By the subdistrict|街道解决|街道",
  }
};

static const EnumSpec satisfaction_spec = {
  linli_satisfaction_get_type, satisfaction_label, {
    "Not asked|未回访|未评价",
    "Satisfied|满意|非常满意",
    "Basically satisfied|基本满意|比较满意",
    "Dissatisfied|不满意",
  }
};

static void
enum_parser_add (EnumParser *parser,
                 const char *word,
                 int         value)
{
  char *key = g_ascii_strdown (word, -1);

  /* The first meaning of a word wins: a label before an alias. */
  if (g_hash_table_contains (parser->values, key))
    g_free (key);
  else
    g_hash_table_insert (parser->values, key, GINT_TO_POINTER (value + 1));
}

static void
enum_parser_init (EnumParser     *parser,
                  const EnumSpec *spec)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (spec->get_type ());
  g_autoptr(GString) choices = g_string_new (NULL);

  parser->spec = spec;
  parser->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < klass->n_values; i++)
    {
      int value = klass->values[i].value;
      const char *label = spec->label (value);

      enum_parser_add (parser, label, value);
      enum_parser_add (parser, klass->values[i].value_nick, value);
      if (choices->len > 0)
        /* TRANSLATORS: between the items of a list, "满意、基本满意" */
        g_string_append (choices, C_("list separator", ", "));
      g_string_append (choices, label);
    }
  for (guint i = 0; i < klass->n_values && i < G_N_ELEMENTS (spec->aliases); i++)
    {
      g_auto(GStrv) words = spec->aliases[i] ? g_strsplit (spec->aliases[i], "|", -1) : NULL;
      for (guint j = 0; words != NULL && words[j] != NULL; j++)
        enum_parser_add (parser, words[j], klass->values[i].value);
    }
  parser->choices = g_string_free (g_steal_pointer (&choices), FALSE);
}

static void
enum_parser_clear (EnumParser *parser)
{
  g_clear_pointer (&parser->values, g_hash_table_unref);
  g_clear_pointer (&parser->choices, g_free);
}

static gboolean
enum_parser_parse (EnumParser *parser,
                   const char *text,
                   int        *value)
{
  /* Lower-cased on the stack: the words are short, and every row has some. */
  char buffer[128];
  gsize len = strlen (text);
  g_autofree char *long_key = len < sizeof buffer ? NULL : g_ascii_strdown (text, -1);
  gpointer found;

  if (long_key == NULL)
    {
      for (gsize i = 0; i <= len; i++)
        buffer[i] = g_ascii_tolower (text[i]);
    }
  found = g_hash_table_lookup (parser->values, long_key ? long_key : buffer);

  if (found == NULL)
    return FALSE;
  *value = GPOINTER_TO_INT (found) - 1;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Reading values */

/* Where a value starts and ends without the spaces around it (ASCII white
 * space, the ideographic space, the no-break space). */
static void
trim_span (const char  *text,
           const char **start_out,
           const char **end_out)
{
  const char *start = text, *end = text + strlen (text);

  for (;;)
    {
      if (start < end && g_ascii_isspace (*start))
        start++;
      else if (end - start >= 3 && memcmp (start, "\xE3\x80\x80", 3) == 0)
        start += 3;
      else if (end - start >= 2 && memcmp (start, "\xC2\xA0", 2) == 0)
        start += 2;
      else
        break;
    }
  for (;;)
    {
      if (end > start && g_ascii_isspace (end[-1]))
        end--;
      else if (end - start >= 3 && memcmp (end - 3, "\xE3\x80\x80", 3) == 0)
        end -= 3;
      else if (end - start >= 2 && memcmp (end - 2, "\xC2\xA0", 2) == 0)
        end -= 2;
      else
        break;
    }
  *start_out = start;
  *end_out = end;
}

static gboolean
read_digits (const char **p,
             int          min_digits,
             int          max_digits,
             int         *value)
{
  int n = 0, v = 0;

  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    {
      v = v * 10 + ((*p)[n] - '0');
      n++;
    }
  if (n < min_digits || g_ascii_isdigit ((*p)[n]))
    return FALSE;
  *p += n;
  *value = v;
  return TRUE;
}

static gboolean
skip_word (const char **p,
           const char  *word)
{
  gsize n = strlen (word);

  if (strncmp (*p, word, n) != 0)
    return FALSE;
  *p += n;
  return TRUE;
}

static void
skip_spaces (const char **p)
{
  while (**p == ' ' || **p == '\t')
    (*p)++;
}

/* Reads a time as offices write it: "2026-01-05 09:30[:00]", what Excel
 * makes of it on Chinese Windows ("2026/1/5 9:30"), "2026.01.05",
 * "2026年1月5日 9:30" or "…9时30分", a date alone (midnight), and ISO 8601
 * as this program stores times. Local time unless it says otherwise.
 * Returns a Unix time, or LINLI_CASE_CSV_NO_TIME. */
static gint64
parse_time (const char *text,
            GTimeZone  *local)
{
  g_autoptr(GDateTime) time = NULL;
  const char *p = text;
  int year, month, day, hour = 0, minute = 0, second = 0;
  gint64 unix_time;
  gboolean chinese;
  char sep = '-';

  if (!read_digits (&p, 4, 4, &year))
    goto iso;
  chinese = skip_word (&p, "年");
  if (!chinese)
    {
      sep = *p;
      if (sep != '-' && sep != '/' && sep != '.')
        goto iso;
      p++;
    }
  if (!read_digits (&p, 1, 2, &month))
    goto iso;
  if (chinese ? !skip_word (&p, "月") : *p != sep)
    goto iso;
  if (!chinese)
    p++;
  if (!read_digits (&p, 1, 2, &day))
    goto iso;
  if (chinese && !skip_word (&p, "日"))
    skip_word (&p, "号");
  skip_spaces (&p);

  if (*p != '\0')
    {
      if (!read_digits (&p, 1, 2, &hour))
        goto iso;
      if (skip_word (&p, ":"))
        {
          if (!read_digits (&p, 2, 2, &minute))
            goto iso;
          if (skip_word (&p, ":"))
            {
              if (!read_digits (&p, 2, 2, &second))
                goto iso;
              /* Fractions of a second: the file shows minutes anyway. */
              if (*p == '.')
                for (p++; g_ascii_isdigit (*p); p++)
                  ;
            }
        }
      else if (skip_word (&p, "时") || skip_word (&p, "点"))
        {
          if (read_digits (&p, 1, 2, &minute))
            {
              skip_word (&p, "分");
              if (read_digits (&p, 1, 2, &second))
                skip_word (&p, "秒");
            }
        }
      else
        goto iso;
      skip_spaces (&p);
    }
  if (*p != '\0')
    goto iso;

  if (!g_date_valid_dmy (day, month, year) || hour > 23 || minute > 59 || second > 59)
    return LINLI_CASE_CSV_NO_TIME;
  if (linli_record_sql_unix_from_local (local, year, month, day, hour, minute, second, &unix_time))
    return unix_time;
  time = g_date_time_new (local, year, month, day, hour, minute, second);
  return time != NULL ? g_date_time_to_unix (time) : LINLI_CASE_CSV_NO_TIME;

iso:
  time = g_date_time_new_from_iso8601 (text, local);
  return time != NULL ? g_date_time_to_unix (time) : LINLI_CASE_CSV_NO_TIME;
}

/* A mainland mobile number (13812341234) or a landline with its area code
 * (0537-1234567, 05371234567). */
static gboolean
phone_is_valid (const char *phone)
{
  gsize n = strlen (phone), area = 0, digits = 0;

  for (gsize i = 0; i < n; i++)
    {
      if (g_ascii_isdigit (phone[i]))
        digits++;
      else if (phone[i] == '-' && area == 0 && phone[0] == '0')
        area = i;
      else
        return FALSE;
    }
  if (phone[0] == '1')
    return n == 11 && digits == 11;
  if (phone[0] != '0')
    return FALSE;
  if (area != 0)
    return (area == 3 || area == 4) && (n - area - 1 == 7 || n - area - 1 == 8);
  return digits >= 10 && digits <= 12;
}

/* A case number as the store writes them: the year, a dash, four digits or
 * more; nine at most, so that it fits in the numbers it is looked up by. */
static gboolean
number_is_valid (const char *number)
{
  gsize n = strlen (number);

  if (n < 9 || n > 14 || number[4] != '-')
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (i != 4 && !g_ascii_isdigit (number[i]))
      return FALSE;
  return number[0] != '0';
}

/* A valid case number as one integer, the same for the same text: its
 * year, its width (leading zeros count) and its sequence. */
static gint64
number_code (const char *number)
{
  gsize width = strlen (number) - 5;

  return (g_ascii_strtoll (number, NULL, 10) << 34) | ((gint64) width << 30) |
         g_ascii_strtoll (number + 5, NULL, 10);
}

static char *
number_of_code (gint64 code)
{
  return g_strdup_printf ("%d-%0*d", (int) (code >> 34), (int) ((code >> 30) & 0xF),
                          (int) (code & ((1 << 30) - 1)));
}

/* ------------------------------------------------------------------------ */
/* Import */

static void
row_clear (gpointer data)
{
  Row *row = data;
  g_clear_pointer (&row->number, g_free);
}

static void
duplicate_clear (gpointer data)
{
  Duplicate *duplicate = data;
  g_clear_pointer (&duplicate->original, g_free);
}

static void
import_clear (Import *im)
{
  linli_case_csv_index_clear (&im->grids);
  linli_case_csv_index_clear (&im->workers);
  linli_case_csv_index_clear (&im->buildings);
  enum_parser_clear (&im->status);
  enum_parser_clear (&im->urgency);
  enum_parser_clear (&im->level);
  enum_parser_clear (&im->satisfaction);
  g_clear_pointer (&im->residents, g_hash_table_unref);
  g_clear_pointer (&im->new_residents, g_hash_table_unref);
  g_clear_pointer (&im->new_order, g_ptr_array_unref);
  g_clear_pointer (&im->rows, g_array_unref);
  g_clear_pointer (&im->numbers, g_array_unref);
  g_clear_pointer (&im->duplicates, g_array_unref);
  g_clear_pointer (&im->duplicate_of, g_hash_table_unref);
  g_clear_pointer (&im->written, g_hash_table_unref);
  g_clear_pointer (&im->referenced, g_hash_table_unref);
  g_clear_pointer (&im->ahead, g_hash_table_unref);
  g_clear_pointer (&im->stash, linli_csv_table_unref);
  g_clear_pointer (&im->stashed, g_hash_table_unref);
  g_clear_pointer (&im->years, g_hash_table_unref);
  g_clear_pointer (&im->spans, g_hash_table_unref);
  g_clear_pointer (&im->next_numbers, g_hash_table_unref);
  g_clear_pointer (&im->bad_rows, g_free);
  g_clear_pointer (&im->errors, g_ptr_array_unref);
  g_clear_pointer (&im->late_errors, g_ptr_array_unref);
  g_clear_pointer (&im->number_errors, g_ptr_array_unref);
  g_clear_pointer (&im->row_errors, g_ptr_array_unref);
  g_clear_pointer (&im->local, g_time_zone_unref);
  if (im->trimmed != NULL)
    g_string_chunk_free (g_steal_pointer (&im->trimmed));
}

static void add_error (Import     *im,
                       guint       line,
                       const char *format,
                       ...) G_GNUC_PRINTF (3, 4);

/* @format names the line itself: "Line %u: …" with @line as its first
 * value. A row's own errors come in the order of the file: only the first
 * MAX_ROW_ERRORS are kept, but all are counted. */
static void
add_error (Import     *im,
           guint       line,
           const char *format,
           ...)
{
  va_list args;

  im->n_errors++;
  if (im->errors->len >= MAX_ROW_ERRORS)
    return;
  va_start (args, format);
  g_ptr_array_add (im->errors, linli_csv_row_error_new (line, g_strdup_vprintf (format, args)));
  va_end (args);
}

static gboolean
row_is_bad (Import *im,
            guint   file_row)
{
  return (im->bad_rows[file_row / 8] & (1u << (file_row % 8))) != 0;
}

static void
mark_bad (Import *im,
          guint   file_row)
{
  if (row_is_bad (im, file_row))
    return;
  im->bad_rows[file_row / 8] |= (guint8) (1u << (file_row % 8));
  im->n_bad_rows++;
}

static void add_late_error (Import     *im,
                            GPtrArray  *errors,
                            guint       file_row,
                            guint       line,
                            const char *format,
                            ...) G_GNUC_PRINTF (5, 6);

/* An error about rows together, found once they are all read: all kept. */
static void
add_late_error (Import     *im,
                GPtrArray  *errors,
                guint       file_row,
                guint       line,
                const char *format,
                ...)
{
  va_list args;

  im->n_errors++;
  mark_bad (im, file_row);
  va_start (args, format);
  g_ptr_array_add (errors, linli_csv_row_error_new (line, g_strdup_vprintf (format, args)));
  va_end (args);
}

/* The value of a cell without the spaces around it, or %NULL when nothing
 * is left: the table's own text, or for the few that had spaces a trimmed
 * copy that lives as long as the import. No copy per cell: an import reads
 * two million of them, twice. */
const char *
linli_case_csv_cell (Import         *im,
                     guint           row,
                     LinliCaseField  field)
{
  const char *text, *start, *end;

  if (im->column[field] < 0)
    return NULL;
  text = linli_csv_table_get_cell (im->batch, row, (guint) im->column[field]);
  trim_span (text, &start, &end);
  if (start == end)
    return NULL;
  /* Only the few cells with full-width digits or letters are folded
   * (１７５９８２５２９８３, ２６号楼), not all with Chinese punctuation. */
  if (linli_text_width_folds (start, end - start, LINLI_WIDTH_TEXT))
    {
      g_autofree char *span = g_strndup (start, (gsize) (end - start));
      g_autofree char *folded = linli_text_fold_width (span, LINLI_WIDTH_TEXT);

      if (im->trimmed == NULL)
        im->trimmed = g_string_chunk_new (4096);
      return g_string_chunk_insert (im->trimmed, folded);
    }
  if (start == text && *end == '\0')
    return text;
  if (im->trimmed == NULL)
    im->trimmed = g_string_chunk_new (4096);
  return g_string_chunk_insert_len (im->trimmed, start, end - start);
}

static const char *
header_of (Import         *im,
           LinliCaseField  field)
{
  const char *header = linli_csv_table_get_header (im->table, (guint) im->column[field]);

  return *header != '\0' ? header : linli_case_field_label (field);
}

static gboolean
check_mapping (Import                *im,
               const LinliCaseField  *mapping,
               GError               **error)
{
  static const LinliCaseField required[] = {
    LINLI_CASE_FIELD_TITLE, LINLI_CASE_FIELD_CATEGORY, LINLI_CASE_FIELD_REPORTED_AT,
  };
  guint n = linli_csv_table_get_n_columns (im->table);

  for (guint f = 0; f < LINLI_N_CASE_FIELDS; f++)
    im->column[f] = -1;
  for (guint c = 0; c < n; c++)
    {
      LinliCaseField field = mapping[c];

      if (field == LINLI_CASE_FIELD_IGNORE)
        continue;
      if (field > LINLI_CASE_FIELD_IGNORE)
        {
          g_critical ("Column %u is mapped to no field (%d)", c, field);
          continue;
        }
      if (im->column[field] >= 0)
        {
          g_set_error (error, LINLI_CASE_CSV_ERROR, LINLI_CASE_CSV_ERROR_MAPPING,
                       _("The columns “%s” and “%s” are both imported as “%s”. Choose one of them."),
                       linli_csv_table_get_header (im->table, (guint) im->column[field]),
                       linli_csv_table_get_header (im->table, c),
                       linli_case_field_label (field));
          return FALSE;
        }
      im->column[field] = (int) c;
    }
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (im->column[required[i]] < 0)
      {
        g_set_error (error, LINLI_CASE_CSV_ERROR, LINLI_CASE_CSV_ERROR_MAPPING,
                     _("No column is imported as “%s”, which every case needs. Choose the column that holds it."),
                     linli_case_field_label (required[i]));
        return FALSE;
      }
  return TRUE;
}

/* How residents are told apart: "name\x1fphone", the phone empty when
 * there is none. linli_case_csv_write() splits it again. */
static char *
resident_key (const char *name,
              const char *phone)
{
  return g_strconcat (name, "\x1f", phone ? phone : "", NULL);
}

static void
load_residents (Import *im)
{
  g_autoptr(GListModel) list = linli_store_list (im->store, LINLI_TYPE_RESIDENT);
  guint n = g_list_model_get_n_items (list);

  im->residents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LinliRecord) resident = g_list_model_get_item (list, i);
      const char *phone = linli_record_get_text (resident, "phone");
      char *key = resident_key (linli_record_get_text (resident, "name"), phone);
      gint64 id = linli_record_get_id (resident);

      /* Two residents alike: the first is reused. */
      if (g_hash_table_contains (im->residents, key))
        g_free (key);
      else
        g_hash_table_insert (im->residents, key, g_memdup2 (&id, sizeof id));
    }
}

static gboolean
read_time (Import         *im,
           Row            *row,
           LinliCaseField  field,
           gint64         *time)
{
  const char *text = linli_case_csv_cell (im, row->row, field);

  *time = LINLI_CASE_CSV_NO_TIME;
  if (text == NULL)
    return TRUE;
  *time = parse_time (text, im->local);
  if (*time == LINLI_CASE_CSV_NO_TIME)
    {
      add_error (im, row->line, _("Line %u: %s: “%s” is not a date and time; write it as 2026-01-05 09:30."),
                 row->line, header_of (im, field), text);
      return FALSE;
    }
  return TRUE;
}

static void
read_enum (Import         *im,
           Row            *row,
           LinliCaseField  field,
           EnumParser     *parser,
           int             empty_value,
           int            *value)
{
  const char *text = linli_case_csv_cell (im, row->row, field);

  *value = empty_value;
  if (text != NULL && !enum_parser_parse (parser, text, value))
    add_error (im, row->line, _("Line %u: %s: “%s” is not one of %s."),
               row->line, header_of (im, field), text, parser->choices);
}

static char *
format_time (gint64 time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
check_times (Import *im,
             Row    *row)
{
  gboolean ok = TRUE;

  if (!read_time (im, row, LINLI_CASE_FIELD_REPORTED_AT, &row->reported_at))
    ok = FALSE;
  else if (row->reported_at == LINLI_CASE_CSV_NO_TIME)
    {
      add_error (im, row->line, _("Line %u: the reported time is empty."), row->line);
      ok = FALSE;
    }
  else if (row->reported_at > im->now)
    {
      g_autofree char *text = format_time (row->reported_at);
      add_error (im, row->line, _("Line %u: the reported time %s is in the future."), row->line, text);
    }

  /* Each of these is compared with the reported time only when it could be read. */
  if (read_time (im, row, LINLI_CASE_FIELD_DUE_AT, &row->due_at) &&
      row->due_at != LINLI_CASE_CSV_NO_TIME && ok && row->due_at <= row->reported_at)
    add_error (im, row->line, _("Line %u: the due time must be after the reported time."), row->line);

  if (read_time (im, row, LINLI_CASE_FIELD_RESOLVED_AT, &row->resolved_at) && row->resolved_at != LINLI_CASE_CSV_NO_TIME)
    {
      if (ok && row->resolved_at < row->reported_at)
        add_error (im, row->line, _("Line %u: the resolved time is before the reported time."), row->line);
      else if (row->resolved_at > im->now)
        add_error (im, row->line, _("Line %u: the resolved time is in the future."), row->line);
    }

  if (read_time (im, row, LINLI_CASE_FIELD_REVISITED_AT, &row->revisited_at) && row->revisited_at != LINLI_CASE_CSV_NO_TIME)
    {
      if (ok && row->revisited_at < row->reported_at)
        add_error (im, row->line, _("Line %u: the revisit time is before the reported time."), row->line);
      else if (row->resolved_at != LINLI_CASE_CSV_NO_TIME && row->revisited_at < row->resolved_at)
        add_error (im, row->line, _("Line %u: the revisit time is before the resolved time."), row->line);
      else if (row->revisited_at > im->now)
        add_error (im, row->line, _("Line %u: the revisit time is in the future."), row->line);
    }
}

static void
check_reporter (Import *im,
                Row    *row)
{
  const char *name = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_REPORTER);
  const char *phone = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_PHONE);
  gboolean ok = TRUE;
  char *key;
  gint64 *id;

  /* What an export with masking wrote cannot be told from a real value
   * and would spread stars through the residents. */
  if (name != NULL && strchr (name, '*') != NULL)
    {
      add_error (im, row->line, _("Line %u: the reporter’s name “%s” is masked. Import a file exported without masking."),
                 row->line, name);
      ok = FALSE;
    }
  if (phone != NULL && strchr (phone, '*') != NULL)
    {
      add_error (im, row->line, _("Line %u: the phone number “%s” is masked. Import a file exported without masking."),
                 row->line, phone);
      ok = FALSE;
    }
  else if (phone != NULL && !phone_is_valid (phone))
    {
      add_error (im, row->line, _("Line %u: “%s” is neither an 11-digit mobile number nor a landline number with its area code, like 0537-1234567."),
                 row->line, phone);
      ok = FALSE;
    }
  if (phone != NULL && name == NULL)
    {
      add_error (im, row->line, _("Line %u: there is a phone number but no reporter’s name."), row->line);
      ok = FALSE;
    }
  if (!ok || name == NULL)
    return;

  /* The new ones are written before the cases (see links_batch_cb()). */
  if (!im->write)
    return;
  key = resident_key (name, phone);
  if ((id = g_hash_table_lookup (im->residents, key)) != NULL ||
      (id = g_hash_table_lookup (im->new_residents, key)) != NULL)
    row->reporter_id = *id;
  g_free (key);
}

typedef gboolean (*MatchFunc) (Import        *im,
                               LinliRecord   *record,
                               gconstpointer  data);

/* The one record of @candidates that @match says, if there is one. */
static LinliRecord *
pick (Import        *im,
      GPtrArray     *candidates,
      MatchFunc      match,
      gconstpointer  data)
{
  LinliRecord *chosen = NULL;

  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    if (match (im, g_ptr_array_index (candidates, i), data))
      {
        if (chosen != NULL)
          return NULL;
        chosen = g_ptr_array_index (candidates, i);
      }
  return chosen;
}

/* The record @text names: the one of that name, or among several the one
 * @prefer chooses for @data; or, for "name（qualifier）" as the export
 * writes a shared name, the one of that name that @qualified says. */
static LinliRecord *
find_named (Import        *im,
            Index         *index,
            const char    *text,
            MatchFunc      prefer,
            gconstpointer  data,
            MatchFunc      qualified,
            gboolean      *ambiguous)
{
  GPtrArray *same_name = g_hash_table_lookup (index->by_name, text);
  LinliRecord *found = NULL;
  const char *open = NULL;
  gsize len = strlen (text);

  *ambiguous = FALSE;
  if (same_name != NULL && same_name->len == 1)
    return g_ptr_array_index (same_name, 0);
  if (same_name != NULL && prefer != NULL && (found = pick (im, same_name, prefer, data)) != NULL)
    return found;
  *ambiguous = same_name != NULL;

  if (qualified != NULL && g_str_has_suffix (text, "）"))
    open = g_strrstr (text, "（");
  else if (qualified != NULL && g_str_has_suffix (text, ")"))
    open = strrchr (text, '(');
  if (open != NULL && open > text)
    {
      g_autofree char *name = g_strndup (text, open - text);
      const char *start = open + (*open == '(' ? 1 : strlen ("（"));
      gsize end = len - (text[len - 1] == ')' ? 1 : strlen ("）"));
      g_autofree char *qualifier = g_strndup (start, text + end - start);

      g_strstrip (name);
      if ((found = pick (im, g_hash_table_lookup (index->by_name, name), qualified, qualifier)) != NULL)
        *ambiguous = FALSE;
    }
  return found;
}

static gboolean
building_in_grid (Import        *im,
                  LinliRecord   *building,
                  gconstpointer  grid)
{
  return grid != NULL && linli_record_get_int (building, "grid_id") == linli_record_get_id ((LinliRecord *) grid);
}

static gboolean
building_of_grid_named (Import        *im,
                        LinliRecord   *building,
                        gconstpointer  qualifier)
{
  LinliRecord *grid = linli_case_csv_index_get (&im->grids, linli_record_get_int (building, "grid_id"));

  return grid != NULL && (g_strcmp0 (linli_record_get_text (grid, "name"), qualifier) == 0 ||
                          g_strcmp0 (linli_record_get_text (grid, "code"), qualifier) == 0);
}

static gboolean
worker_of_grid (Import        *im,
                LinliRecord   *worker,
                gconstpointer  grid)
{
  GArray *workers = grid != NULL ? linli_record_get_refs ((LinliRecord *) grid, "workers") : NULL;

  for (guint i = 0; workers != NULL && i < workers->len; i++)
    if (g_array_index (workers, gint64, i) == linli_record_get_id (worker))
      return TRUE;
  return FALSE;
}

static gboolean
worker_with_phone_or_id (Import        *im,
                         LinliRecord   *worker,
                         gconstpointer  qualifier)
{
  const char *text = qualifier;

  if (text[0] == '#')
    return g_ascii_strtoll (text + 1, NULL, 10) == linli_record_get_id (worker);
  return g_strcmp0 (linli_record_get_text (worker, "phone"), text) == 0;
}

static void
check_places (Import *im,
              Row    *row)
{
  const char *grid = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_GRID);
  const char *building = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_BUILDING);
  const char *worker = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_WORKER);
  gboolean ambiguous;

  if (grid != NULL)
    {
      row->grid = find_named (im, &im->grids, grid, NULL, NULL, NULL, &ambiguous);
      if (row->grid == NULL)
        row->grid = g_hash_table_lookup (im->grids.by_code, grid);
      if (row->grid == NULL && ambiguous)
        add_error (im, row->line, _("Line %u: there are several grids called “%s”; give its code instead."),
                   row->line, grid);
      else if (row->grid == NULL)
        add_error (im, row->line, _("Line %u: there is no grid “%s”."), row->line, grid);
    }

  if (building != NULL)
    {
      row->building = find_named (im, &im->buildings, building, building_in_grid, row->grid,
                                  building_of_grid_named, &ambiguous);
      if (row->building == NULL && ambiguous)
        add_error (im, row->line, _("Line %u: there are several buildings called “%s”; give the grid too."),
                   row->line, building);
      else if (row->building == NULL)
        add_error (im, row->line, _("Line %u: there is no building “%s”."), row->line, building);
    }

  /* Without a grid of its own, a case is in its building's grid. */
  if (grid == NULL && row->building != NULL)
    row->grid = linli_case_csv_index_get (&im->grids, linli_record_get_int (row->building, "grid_id"));

  if (worker != NULL)
    {
      row->worker = find_named (im, &im->workers, worker, worker_of_grid, row->grid,
                                worker_with_phone_or_id, &ambiguous);
      if (row->worker == NULL && ambiguous)
        add_error (im, row->line, _("Line %u: there are several grid workers called “%s”, and the case’s grid does not tell which."),
                   row->line, worker);
      else if (row->worker == NULL)
        add_error (im, row->line, _("Line %u: there is no grid worker “%s”."), row->line, worker);
    }
}

static void
check_row (Import *im,
           Row    *row)
{
  const char *title = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_TITLE);
  const char *category = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_CATEGORY);
  const char *source = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_SOURCE);
  const char *number = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_NUMBER);
  const char *resolution = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_RESOLUTION);
  const char *duplicate_of = linli_case_csv_cell (im, row->row, LINLI_CASE_FIELD_DUPLICATE_OF);

  if (number != NULL && !number_is_valid (number))
    add_error (im, row->line, _("Line %u: the case number “%s” is not like 2026-0042: a year, a dash and four digits or more."),
               row->line, number);
  else if (number != NULL)
    row->number = g_strdup (number);

  if (title == NULL)
    add_error (im, row->line, _("Line %u: the title is empty."), row->line);
  else if (g_utf8_strlen (title, -1) > MAX_TITLE_LENGTH)
    add_error (im, row->line, _("Line %u: the title is longer than %u characters."),
               row->line, MAX_TITLE_LENGTH);
  if (category == NULL)
    add_error (im, row->line, _("Line %u: the category is empty."), row->line);
  if (im->column[LINLI_CASE_FIELD_SOURCE] >= 0 && source == NULL)
    add_error (im, row->line, _("Line %u: the source is empty."), row->line);

  check_times (im, row);
  read_enum (im, row, LINLI_CASE_FIELD_STATUS, &im->status, LINLI_CASE_STATUS_REGISTERED, &row->status);
  read_enum (im, row, LINLI_CASE_FIELD_URGENCY, &im->urgency, LINLI_URGENCY_NORMAL, &row->urgency);
  read_enum (im, row, LINLI_CASE_FIELD_RESOLUTION_LEVEL, &im->level, LINLI_RESOLUTION_LEVEL_NONE, &row->level);
  read_enum (im, row, LINLI_CASE_FIELD_SATISFACTION, &im->satisfaction, LINLI_SATISFACTION_NONE, &row->satisfaction);

  if (row->status == LINLI_CASE_STATUS_RESOLVED || row->status == LINLI_CASE_STATUS_REVISITED)
    {
      if (resolution == NULL)
        add_error (im, row->line, _("Line %u: the case is “%s”, but its resolution is empty."),
                   row->line, linli_case_status_label (row->status));
      if (row->resolved_at == LINLI_CASE_CSV_NO_TIME)
        add_error (im, row->line, _("Line %u: the case is “%s”, but it has no resolved time."),
                   row->line, linli_case_status_label (row->status));
    }
  if (row->status == LINLI_CASE_STATUS_REVISITED && row->revisited_at == LINLI_CASE_CSV_NO_TIME)
    add_error (im, row->line, _("Line %u: the case is “%s”, but it has no revisit time."),
               row->line, linli_case_status_label (row->status));
  if (row->status == LINLI_CASE_STATUS_DUPLICATE && duplicate_of == NULL)
    add_error (im, row->line, _("Line %u: the case is “%s”, but it does not say the number of the case it repeats."),
               row->line, linli_case_status_label (row->status));

  check_reporter (im, row);
  check_places (im, row);
}

/* Which of @numbers the store has, and the ids of those cases. The store
 * has no lookup by number, but a record list reads the ids of the rows of
 * any condition, here by the unique index on the number, and reads a row
 * only when asked for it. Its parameters are integers, so each number is
 * rebuilt in SQL from its year, its width and its sequence. */
GHashTable *
linli_case_csv_find_stored (Import    *im,
                            GPtrArray *numbers)
{
  GHashTable *found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (numbers->len == 0 || !im->store_has_cases)
    return found;

  for (guint first = 0; first < numbers->len; first += NUMBER_BATCH)
    {
      guint n = MIN (NUMBER_BATCH, numbers->len - first);
      g_autoptr(GString) where = g_string_new ("t.number IN (");
      g_autofree gint64 *params = g_new (gint64, 3 * n);
      g_autoptr(LinliRecordList) list = NULL;
      guint n_found;

      for (guint i = 0; i < n; i++)
        {
          const char *number = g_ptr_array_index (numbers, first + i);

          params[3 * i] = g_ascii_strtoll (number, NULL, 10);
          params[3 * i + 1] = (gint64) strlen (number + 5);
          params[3 * i + 2] = g_ascii_strtoll (number + 5, NULL, 10);
          g_string_append_printf (where, "%sprintf('%%04d-%%0*d', ?%u, ?%u, ?%u)",
                                  i > 0 ? ", " : "", 3 * i + 1, 3 * i + 2, 3 * i + 3);
        }
      g_string_append_c (where, ')');

      list = linli_record_list_new (im->store, LINLI_TYPE_CASE, where->str, params, 3 * n);
      n_found = g_list_model_get_n_items (G_LIST_MODEL (list));
      for (guint i = 0; i < n_found; i++)
        {
          g_autoptr(LinliRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);
          gint64 id = linli_record_get_id (record);

          g_hash_table_insert (found, g_strdup (linli_record_get_text (record, "number")),
                               g_memdup2 (&id, sizeof id));
        }
    }
  return found;
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  const FileNumber *x = a, *y = b;

  if (x->code != y->code)
    return x->code < y->code ? -1 : 1;
  return (x->file_row > y->file_row) - (x->file_row < y->file_row);
}

/* The first row of the file that gives @code, or NULL. */
static const FileNumber *
find_number (Import *im,
             gint64  code)
{
  guint low = 0, high = im->numbers->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (im->numbers, FileNumber, mid).code < code)
        low = mid + 1;
      else
        high = mid;
    }
  if (low < im->numbers->len && g_array_index (im->numbers, FileNumber, low).code == code)
    return &g_array_index (im->numbers, FileNumber, low);
  return NULL;
}

/* Whether a row of the file gives @number: a number assigned to another
 * case must not be one of them. */
gboolean
linli_case_csv_file_has_number (Import     *im,
                                const char *number)
{
  return number_is_valid (number) && find_number (im, number_code (number)) != NULL;
}

/* Once every row is read: the rows that give one number, and links each
 * duplicate to the case it repeats, in the file or stored. Their errors
 * go to @number_errors and @late_errors, before and after the rows' own
 * errors of the same line. */
static void
check_numbers (Import    *im,
               GPtrArray *number_errors,
               GPtrArray *late_errors)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GHashTable) state = g_hash_table_new (NULL, NULL);

  g_array_sort (im->numbers, compare_numbers);
  for (guint i = 1; i < im->numbers->len; i++)
    {
      FileNumber *entry = &g_array_index (im->numbers, FileNumber, i);
      const FileNumber *first = find_number (im, entry->code);

      if (first != entry)
        {
          g_autofree char *number = number_of_code (entry->code);
          add_late_error (im, number_errors, entry->file_row, entry->line,
                          _("Line %u: the case number “%s” is the number of line %u too."),
                          entry->line, number, first->line);
        }
    }

  /* A number of the file means that row, whatever the store has. */
  for (guint i = 0; i < im->duplicates->len; i++)
    {
      Duplicate *dup = &g_array_index (im->duplicates, Duplicate, i);
      const FileNumber *found = number_is_valid (dup->original)
                                ? find_number (im, number_code (dup->original)) : NULL;

      if (found != NULL)
        dup->target_row = (int) found->file_row;
      else if (number_is_valid (dup->original))
        g_ptr_array_add (wanted, g_strdup (dup->original));
    }
  stored = linli_case_csv_find_stored (im, wanted);

  for (guint i = 0; i < im->duplicates->len; i++)
    {
      Duplicate *dup = &g_array_index (im->duplicates, Duplicate, i);
      gint64 *id;

      if (dup->target_row == (int) dup->file_row)
        {
          add_late_error (im, late_errors, dup->file_row, dup->line,
                          _("Line %u: a case cannot be a duplicate of itself."), dup->line);
          dup->target_row = -1;
        }
      else if (dup->target_row < 0 && (id = g_hash_table_lookup (stored, dup->original)) != NULL)
        dup->target_id = *id;
      else if (dup->target_row < 0)
        add_late_error (im, late_errors, dup->file_row, dup->line,
                        _("Line %u: %s: there is no case “%s”, neither in the file nor stored."),
                        dup->line, header_of (im, LINLI_CASE_FIELD_DUPLICATE_OF), dup->original);
      g_hash_table_insert (im->duplicate_of, GUINT_TO_POINTER (dup->file_row), dup);
      if (dup->target_row >= 0)
        g_hash_table_insert (im->written, GINT_TO_POINTER (dup->target_row), NULL);
    }

  /* Duplicates of duplicates are written originals first; a loop of them
   * has no first. Not there: not seen, 1: on the path being followed,
   * 2: done. */
  for (guint i = 0; i < im->duplicates->len; i++)
    {
      guint at = g_array_index (im->duplicates, Duplicate, i).file_row;
      Duplicate *dup;

      while (!g_hash_table_contains (state, GUINT_TO_POINTER (at)))
        {
          g_hash_table_insert (state, GUINT_TO_POINTER (at), GUINT_TO_POINTER (1));
          dup = g_hash_table_lookup (im->duplicate_of, GUINT_TO_POINTER (at));
          if (dup == NULL || dup->target_row < 0)
            break;
          at = (guint) dup->target_row;
        }
      dup = g_hash_table_lookup (im->duplicate_of, GUINT_TO_POINTER (at));
      if (GPOINTER_TO_UINT (g_hash_table_lookup (state, GUINT_TO_POINTER (at))) == 1 &&
          dup != NULL && dup->target_row >= 0)
        add_late_error (im, late_errors, dup->file_row, dup->line,
                        _("Line %u: the cases this one duplicates lead back to it."), dup->line);
      for (at = g_array_index (im->duplicates, Duplicate, i).file_row;
           GPOINTER_TO_UINT (g_hash_table_lookup (state, GUINT_TO_POINTER (at))) == 1; )
        {
          g_hash_table_insert (state, GUINT_TO_POINTER (at), GUINT_TO_POINTER (2));
          dup = g_hash_table_lookup (im->duplicate_of, GUINT_TO_POINTER (at));
          if (dup == NULL || dup->target_row < 0)
            break;
          at = (guint) dup->target_row;
        }
    }
}

static int
compare_errors (gconstpointer a,
                gconstpointer b)
{
  const LinliCsvRowError *x = *(LinliCsvRowError **) a, *y = *(LinliCsvRowError **) b;

  return (x->line > y->line) - (x->line < y->line);
}

/* The year of the local day of @time: from the years seen before, most
 * often, without a GDateTime for each row. */
int
linli_case_csv_year_of (Import *im,
                        gint64  time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  GHashTableIter iter;
  gpointer key, value;
  int year;

  g_hash_table_iter_init (&iter, im->spans);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 *span = value;
      if (time >= span[0] && time < span[1])
        return GPOINTER_TO_INT (key);
    }
  local = g_date_time_new_from_unix_local (time);
  year = g_date_time_get_year (local);
  start = g_date_time_new (im->local, year, 1, 1, 0, 0, 0);
  end = g_date_time_new (im->local, year + 1, 1, 1, 0, 0, 0);
  if (start != NULL && end != NULL)
    {
      gint64 *span = g_new (gint64, 2);

      span[0] = g_date_time_to_unix (start);
      span[1] = g_date_time_to_unix (end);
      g_hash_table_insert (im->spans, GINT_TO_POINTER (year), span);
    }
  return year;
}

static void
stash_row (Import        *im,
           LinliCsvTable *batch,
           guint          row,
           guint          file_row)
{
  if (g_hash_table_contains (im->stashed, GUINT_TO_POINTER (file_row)))
    return;
  linli_csv_table_append_row (im->stash, batch, row);
  g_hash_table_insert (im->stashed, GUINT_TO_POINTER (file_row),
                       GUINT_TO_POINTER (linli_csv_table_get_n_rows (im->stash)));
}

static gboolean
stash_batch_cb (LinliCsvTable  *batch,
                guint           first_row,
                gpointer        user_data,
                GError        **error)
{
  Import *im = user_data;

  if (g_cancellable_set_error_if_cancelled (im->cancellable, error))
    return FALSE;
  for (guint r = 0; r < linli_csv_table_get_n_rows (batch); r++)
    if (g_hash_table_contains (im->ahead, GUINT_TO_POINTER (first_row + r)))
      stash_row (im, batch, r, first_row + r);
  return TRUE;
}

/* Which rows are written before their turn: as the cases are written in
 * the order of the file, the case a duplicate repeats is written before
 * it, and the one that one repeats before that. Their rows are kept from
 * the first reading; those it could not know of (a duplicate of a
 * duplicate further down), from one more. */
static gboolean
plan_ahead (Import  *im,
            GError **error)
{
  guint n_missing = 0;

  /* With a wrong row nothing is written, and a loop of duplicates has no
   * first. */
  if (im->n_bad_rows > 0)
    return TRUE;
  for (guint i = 0; i < im->duplicates->len; i++)
    {
      guint r = g_array_index (im->duplicates, Duplicate, i).file_row;
      guint at = r;

      if (g_hash_table_contains (im->ahead, GUINT_TO_POINTER (r)))
        continue;
      for (;;)
        {
          Duplicate *dup = g_hash_table_lookup (im->duplicate_of, GUINT_TO_POINTER (at));

          if (dup == NULL || dup->target_row < 0 || (guint) dup->target_row < r ||
              g_hash_table_contains (im->ahead, GINT_TO_POINTER (dup->target_row)))
            break;
          at = (guint) dup->target_row;
          g_hash_table_add (im->ahead, GUINT_TO_POINTER (at));
          if (!g_hash_table_contains (im->stashed, GUINT_TO_POINTER (at)))
            n_missing++;
        }
    }
  return n_missing == 0 ||
         linli_csv_table_foreach (im->table, FALSE, stash_batch_cb, im, im->cancellable, error);
}

/* Checks @row of @table, a row kept aside, as it is written before its
 * turn: its errors, if any, are told at its turn, not now. */
gboolean
linli_case_csv_check_row_of (Import        *im,
                             LinliCsvTable *table,
                             Row           *row)
{
  LinliCsvTable *batch = im->batch;
  guint n_errors = im->n_errors, n_kept = im->errors->len;

  im->batch = table;
  check_row (im, row);
  im->batch = batch;
  if (im->n_errors == n_errors)
    return TRUE;
  im->n_errors = n_errors;
  g_ptr_array_set_size (im->errors, n_kept);
  return FALSE;
}

/* The first reading of the file: what its rows say of each other, and
 * of the years of their cases. */
static gboolean
links_batch_cb (LinliCsvTable  *batch,
                guint           first_row,
                gpointer        user_data,
                GError        **error)
{
  Import *im = user_data;
  guint n_rows = linli_csv_table_get_n_rows (batch);
  g_autoptr(GString) key = g_string_new (NULL);

  if (g_cancellable_set_error_if_cancelled (im->cancellable, error))
    return FALSE;
  im->batch = batch;
  if (im->trimmed != NULL)
    g_string_chunk_clear (im->trimmed);
  for (guint r = 0; r < n_rows; r++)
    {
      const char *number = linli_case_csv_cell (im, r, LINLI_CASE_FIELD_NUMBER);
      const char *duplicate_of = linli_case_csv_cell (im, r, LINLI_CASE_FIELD_DUPLICATE_OF);
      const char *reported = linli_case_csv_cell (im, r, LINLI_CASE_FIELD_REPORTED_AT);

      /* Two rows of one number are told once they are all read. */
      if (number != NULL && number_is_valid (number))
        {
          FileNumber entry = { number_code (number), first_row + r, linli_csv_table_get_line (batch, r) };
          g_array_append_val (im->numbers, entry);
          /* A case an earlier row duplicates is written before it: its
           * row is kept until then. */
          if (g_hash_table_contains (im->referenced, GSIZE_TO_POINTER (entry.code)))
            stash_row (im, batch, r, first_row + r);
        }
      if (duplicate_of != NULL)
        {
          Duplicate entry = { first_row + r, linli_csv_table_get_line (batch, r), g_strdup (duplicate_of), -1, 0 };
          g_array_append_val (im->duplicates, entry);
          if (number_is_valid (duplicate_of))
            g_hash_table_add (im->referenced, GSIZE_TO_POINTER (number_code (duplicate_of)));
        }
      /* Reporters the store does not have, in the order the file first
       * names them: they are written first. */
      if (im->write && im->column[LINLI_CASE_FIELD_REPORTER] >= 0)
        {
          const char *name = linli_case_csv_cell (im, r, LINLI_CASE_FIELD_REPORTER);
          const char *phone = linli_case_csv_cell (im, r, LINLI_CASE_FIELD_PHONE);

          /* As resident_key() writes it, without a copy for each row. */
          if (name != NULL)
            {
              g_string_assign (key, name);
              g_string_append_c (key, '\x1f');
              g_string_append (key, phone ? phone : "");
            }
          if (name != NULL && !g_hash_table_contains (im->residents, key->str) &&
              !g_hash_table_contains (im->new_residents, key->str))
            {
              char *copy = g_strdup (key->str);

              g_hash_table_insert (im->new_residents, copy, NULL);
              g_ptr_array_add (im->new_order, copy);
            }
        }
      /* The years numbers may be assigned in, whose next free number is
       * asked for before anything is written: every time the import
       * reads begins with its year, and a zone it gives may move it a
       * day, to the year before or after. */
      if (im->write && reported != NULL && g_ascii_isdigit (reported[0]) && g_ascii_isdigit (reported[1]) &&
          g_ascii_isdigit (reported[2]) && g_ascii_isdigit (reported[3]))
        {
          int year = (reported[0] - '0') * 1000 + (reported[1] - '0') * 100 +
                     (reported[2] - '0') * 10 + (reported[3] - '0');
          for (int y = year - 1; y <= year + 1; y++)
            g_hash_table_add (im->years, GINT_TO_POINTER (y));
        }
    }
  return TRUE;
}

/* Checks the rows of @batch, the second time the file is read: every
 * error is counted, the first kept. */
gboolean
linli_case_csv_check_batch (Import         *im,
                            LinliCsvTable  *batch,
                            guint           first_row,
                            GError        **error)
{
  guint n_rows = linli_csv_table_get_n_rows (batch);

  if (g_cancellable_set_error_if_cancelled (im->cancellable, error))
    return FALSE;
  im->batch = batch;
  if (im->trimmed != NULL)
    g_string_chunk_clear (im->trimmed);
  g_array_set_size (im->rows, 0);
  for (guint r = 0; r < n_rows; r++)
    {
      guint n_errors = im->n_errors;
      Row row = {
        .row = r,
        .file_row = first_row + r,
        .line = linli_csv_table_get_line (batch, r),
      };

      g_array_append_val (im->rows, row);
      check_row (im, &g_array_index (im->rows, Row, r));
      if (im->n_errors > n_errors)
        mark_bad (im, first_row + r);
    }
  return TRUE;
}

static gboolean
check_batch_cb (LinliCsvTable  *batch,
                guint           first_row,
                gpointer        user_data,
                GError        **error)
{
  return linli_case_csv_check_batch (user_data, batch, first_row, error);
}

/* Reads what checking needs, and checks the mapping. */
static gboolean
import_begin (Import                *im,
              LinliStore            *store,
              LinliCsvTable         *table,
              const LinliCaseField  *mapping,
              GError               **error)
{
  g_autoptr(GDateTime) now = linli_store_now (store);
  guint n_rows = linli_csv_table_get_n_file_rows (table);

  im->store = store;
  im->table = table;
  im->batch = table;
  im->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) linli_csv_row_error_free);
  im->late_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) linli_csv_row_error_free);
  im->number_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) linli_csv_row_error_free);
  im->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (im->rows, row_clear);
  im->numbers = g_array_new (FALSE, FALSE, sizeof (FileNumber));
  im->duplicates = g_array_new (FALSE, TRUE, sizeof (Duplicate));
  g_array_set_clear_func (im->duplicates, duplicate_clear);
  im->duplicate_of = g_hash_table_new (NULL, NULL);
  im->written = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  im->referenced = g_hash_table_new (NULL, NULL);
  im->ahead = g_hash_table_new (NULL, NULL);
  im->stash = linli_csv_table_new_like (table);
  im->stashed = g_hash_table_new (NULL, NULL);
  im->years = g_hash_table_new (NULL, NULL);
  im->spans = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  im->bad_rows = g_new0 (guint8, n_rows / 8 + 1);
  im->new_residents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im->new_order = g_ptr_array_new ();

  if (!check_mapping (im, mapping, error))
    return FALSE;

  im->now = g_date_time_to_unix (now);
  im->local = g_time_zone_new_local ();
  im->store_has_cases = linli_store_count (store, LINLI_TYPE_CASE) > 0;
  linli_case_csv_index_init (&im->grids, store, LINLI_TYPE_GRID);
  linli_case_csv_index_init (&im->workers, store, LINLI_TYPE_WORKER);
  linli_case_csv_index_init (&im->buildings, store, LINLI_TYPE_BUILDING);
  enum_parser_init (&im->status, &status_spec);
  enum_parser_init (&im->urgency, &urgency_spec);
  enum_parser_init (&im->level, &level_spec);
  enum_parser_init (&im->satisfaction, &satisfaction_spec);
  if (im->column[LINLI_CASE_FIELD_REPORTER] >= 0)
    load_residents (im);
  else
    im->residents = g_hash_table_new (g_str_hash, g_str_equal);
  return TRUE;
}

/* Once every row is checked: the errors in the order of the file, a
 * line's problems together. */
gboolean
linli_case_csv_end_check (Import  *im,
                          GError **error)
{
  g_autoptr(GPtrArray) all = g_steal_pointer (&im->number_errors);

  /* A number given twice first, as it is checked first; then the rows'
   * own; then the duplicates'. The sort keeps that order on a line. */
  g_ptr_array_extend_and_steal (all, g_steal_pointer (&im->errors));
  g_ptr_array_extend_and_steal (all, g_steal_pointer (&im->late_errors));
  g_ptr_array_sort (all, compare_errors);
  if (all->len > MAX_ROW_ERRORS)
    g_ptr_array_set_size (all, MAX_ROW_ERRORS);
  im->row_errors = g_steal_pointer (&all);

  if (im->n_bad_rows > 0)
    {
      g_set_error (error, LINLI_CASE_CSV_ERROR, LINLI_CASE_CSV_ERROR_ROWS,
                   ngettext ("%u row of the file is not right. Nothing was imported.",
                             "%u rows of the file are not right. Nothing was imported.",
                             im->n_bad_rows),
                   im->n_bad_rows);
      return FALSE;
    }
  return TRUE;
}

/* What linli_case_csv_check() and linli_case_csv_import() do, once their
 * arguments are known to be right. The file is read twice: first for what
 * its rows say of each other (the numbers they give, the cases they
 * duplicate), then to check every row and, with @write, to write them
 * (linli_case_csv_write()) until one is wrong. *@n_imported is set
 * whenever it is given: 0 unless the cases were written. */
gboolean
linli_case_csv_run (LinliStore            *store,
                    LinliCsvTable         *table,
                    const LinliCaseField  *mapping,
                    gboolean               write,
                    LinliCountFunc         count,
                    gpointer               count_data,
                    GCancellable          *cancellable,
                    GPtrArray            **row_errors,
                    guint                 *n_imported,
                    GError               **error)
{
  Import im = { 0, };
  guint n = 0;
  gboolean ok;

  im.count = count;
  im.count_data = count_data;
  im.cancellable = cancellable;
  im.write = write;
  ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       import_begin (&im, store, table, mapping, error) &&
       linli_csv_table_foreach (table, FALSE, links_batch_cb, &im, cancellable, error);
  if (ok)
    check_numbers (&im, im.number_errors, im.late_errors);
  if (ok && write)
    ok = plan_ahead (&im, error);
  if (ok && write)
    ok = linli_case_csv_write (&im, &n, error);
  else if (ok)
    ok = linli_csv_table_foreach (table, TRUE, check_batch_cb, &im, cancellable, error) &&
         linli_case_csv_end_check (&im, error);
  if (row_errors != NULL)
    *row_errors = im.row_errors != NULL ? g_ptr_array_ref (im.row_errors)
                  : g_ptr_array_new_with_free_func ((GDestroyNotify) linli_csv_row_error_free);
  import_clear (&im);
  if (n_imported != NULL)
    *n_imported = n;
  return ok;
}

/**
 * linli_case_csv_check:
 * @mapping: (array): what each column of @table holds
 * @row_errors: (out) (optional) (element-type LinliCsvRowError): set to
 *   what is wrong with the rows, each naming its line, in the order of the
 *   file; empty when they are right or @mapping is wrong
 *
 * Checks every row of @table as linli_case_csv_import() would, and writes
 * nothing: for the preview.
 *
 * Returns: %TRUE when every row can be imported; %FALSE with
 *   %LINLI_CASE_CSV_ERROR_MAPPING when @mapping lacks a field every case
 *   needs or has one twice, or %LINLI_CASE_CSV_ERROR_ROWS and @row_errors
 */
gboolean
linli_case_csv_check (LinliStore            *store,
                      LinliCsvTable         *table,
                      const LinliCaseField  *mapping,
                      GPtrArray            **row_errors,
                      GError               **error)
{
  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (mapping != NULL || linli_csv_table_get_n_columns (table) == 0, FALSE);
  g_return_val_if_fail (row_errors == NULL || *row_errors == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return linli_case_csv_run (store, table, mapping, FALSE, NULL, NULL, NULL, row_errors, NULL, error);
}
