/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "linli-case-rules.h"
#include "linli-form-errors.h"

/* The workflow of DESIGN.md: registered → assigned → in progress → resolved
 * → revisited, with the side exits escalated, suspended, void and
 * duplicate. Each status lists where a case may go from it; void,
 * duplicate and revisited end the case. */

static const LinliCaseStatus from_registered[] = {
  LINLI_CASE_STATUS_ASSIGNED, LINLI_CASE_STATUS_ESCALATED, LINLI_CASE_STATUS_SUSPENDED,
  LINLI_CASE_STATUS_VOID, LINLI_CASE_STATUS_DUPLICATE,
};
static const LinliCaseStatus from_assigned[] = {
  LINLI_CASE_STATUS_IN_PROGRESS, LINLI_CASE_STATUS_ESCALATED, LINLI_CASE_STATUS_SUSPENDED,
  LINLI_CASE_STATUS_VOID, LINLI_CASE_STATUS_DUPLICATE,
};
static const LinliCaseStatus from_in_progress[] = {
  LINLI_CASE_STATUS_RESOLVED, LINLI_CASE_STATUS_ESCALATED, LINLI_CASE_STATUS_SUSPENDED,
};
/* A resident who finds the problem back may have the case taken up again. */
static const LinliCaseStatus from_resolved[] = {
  LINLI_CASE_STATUS_REVISITED, LINLI_CASE_STATUS_IN_PROGRESS,
};
/* The level above takes it on, or settles it itself. */
static const LinliCaseStatus from_escalated[] = {
  LINLI_CASE_STATUS_IN_PROGRESS, LINLI_CASE_STATUS_RESOLVED, LINLI_CASE_STATUS_SUSPENDED,
};
static const LinliCaseStatus from_suspended[] = {
  LINLI_CASE_STATUS_ASSIGNED, LINLI_CASE_STATUS_IN_PROGRESS, LINLI_CASE_STATUS_VOID,
};

/**
 * linli_case_status_next:
 * @n_next: (out): the number of statuses
 *
 * Returns: (array length=n_next) (transfer none): the statuses a case may
 *   change to from @from, in the order of the workflow
 */
const LinliCaseStatus *
linli_case_status_next (LinliCaseStatus  from,
                        guint           *n_next)
{
  g_return_val_if_fail (n_next != NULL, NULL);

#define NEXT(array) (*n_next = G_N_ELEMENTS (array), array)
  switch (from)
    {
    case LINLI_CASE_STATUS_REGISTERED:  return NEXT (from_registered);
    case LINLI_CASE_STATUS_ASSIGNED:    return NEXT (from_assigned);
    case LINLI_CASE_STATUS_IN_PROGRESS: return NEXT (from_in_progress);
    case LINLI_CASE_STATUS_RESOLVED:    return NEXT (from_resolved);
    case LINLI_CASE_STATUS_ESCALATED:   return NEXT (from_escalated);
    case LINLI_CASE_STATUS_SUSPENDED:   return NEXT (from_suspended);
    case LINLI_CASE_STATUS_REVISITED:
    case LINLI_CASE_STATUS_VOID:
    case LINLI_CASE_STATUS_DUPLICATE:
    default:
      *n_next = 0;
      return NULL;
    }
#undef NEXT
}

/* Staying where it is is no change, and always allowed. */
gboolean
linli_case_status_can_change (LinliCaseStatus from,
                              LinliCaseStatus to)
{
  const LinliCaseStatus *next;
  guint n_next;

  if (from == to)
    return TRUE;
  next = linli_case_status_next (from, &n_next);
  for (guint i = 0; i < n_next; i++)
    if (next[i] == to)
      return TRUE;
  return FALSE;
}

/* A case starts in its grid: escalating it takes it one level up. */
LinliResolutionLevel
linli_resolution_level_raise (LinliResolutionLevel level)
{
  switch (level)
    {
    case LINLI_RESOLUTION_LEVEL_NONE:
    case LINLI_RESOLUTION_LEVEL_GRID:
      return LINLI_RESOLUTION_LEVEL_COMMUNITY;
    case LINLI_RESOLUTION_LEVEL_COMMUNITY:
    case LINLI_RESOLUTION_LEVEL_SUBDISTRICT:
    default:
      return LINLI_RESOLUTION_LEVEL_SUBDISTRICT;
    }
}

static LinliCaseStatus
original_status (LinliRecord *original)
{
  /* A new case starts registered. */
  return original != NULL ? (LinliCaseStatus) linli_record_get_enum (original, "status")
                          : LINLI_CASE_STATUS_REGISTERED;
}

/**
 * linli_case_follow_status:
 * @previous: the status of @case_copy before the user changed it
 * @now: the time to propose for a resolution or a follow-up visit
 *
 * Fills in what a new status implies and the user has not given: escalating
 * raises the resolution level one step above the stored one (and going back
 * from escalated undoes that); resolving and revisiting propose @now as
 * their time when there is none.
 */
void
linli_case_follow_status (LinliRecord     *case_copy,
                          LinliRecord     *original_or_null,
                          LinliCaseStatus  previous,
                          GDateTime       *now)
{
  LinliCaseStatus status;
  LinliResolutionLevel stored, raised, level;

  g_return_if_fail (LINLI_IS_CASE (case_copy));
  g_return_if_fail (original_or_null == NULL || LINLI_IS_CASE (original_or_null));
  g_return_if_fail (now != NULL);

  status = linli_record_get_enum (case_copy, "status");
  if (status == previous)
    return;

  stored = original_or_null != NULL ? linli_record_get_enum (original_or_null, "resolution_level")
                                    : LINLI_RESOLUTION_LEVEL_NONE;
  raised = linli_resolution_level_raise (stored);
  level = linli_record_get_enum (case_copy, "resolution_level");
  if (status == LINLI_CASE_STATUS_ESCALATED && level < raised)
    linli_record_set_enum (case_copy, "resolution_level", raised);
  else if (previous == LINLI_CASE_STATUS_ESCALATED && level == raised && stored != raised)
    linli_record_set_enum (case_copy, "resolution_level", stored);

  if ((status == LINLI_CASE_STATUS_RESOLVED || status == LINLI_CASE_STATUS_REVISITED) &&
      linli_record_get_datetime (case_copy, "resolved_at") == NULL)
    linli_record_set_datetime (case_copy, "resolved_at", now);
  if (status == LINLI_CASE_STATUS_REVISITED && linli_record_get_datetime (case_copy, "revisited_at") == NULL)
    linli_record_set_datetime (case_copy, "revisited_at", now);
}

/**
 * linli_case_follow_worker:
 *
 * Choosing a worker for a registered case assigns it; taking the worker
 * away again before it is saved returns it to registered.
 */
void
linli_case_follow_worker (LinliRecord *case_copy,
                          LinliRecord *original_or_null)
{
  LinliCaseStatus status;
  gint64 worker;

  g_return_if_fail (LINLI_IS_CASE (case_copy));
  g_return_if_fail (original_or_null == NULL || LINLI_IS_CASE (original_or_null));

  if (original_status (original_or_null) != LINLI_CASE_STATUS_REGISTERED)
    return;

  status = linli_record_get_enum (case_copy, "status");
  worker = linli_record_get_int (case_copy, "worker_id");
  if (status == LINLI_CASE_STATUS_REGISTERED && worker != 0)
    linli_record_set_enum (case_copy, "status", LINLI_CASE_STATUS_ASSIGNED);
  else if (status == LINLI_CASE_STATUS_ASSIGNED && worker == 0)
    linli_record_set_enum (case_copy, "status", LINLI_CASE_STATUS_REGISTERED);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* The number of characters of @text without the white space around it. */
static glong
trimmed_length (const char *text)
{
  const char *start = text, *end = text + strlen (text);

  while (*start && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_utf8_strlen (start, end - start);
}

static gboolean
is_after (GDateTime *a,
          GDateTime *b)
{
  return a != NULL && b != NULL && g_date_time_compare (a, b) > 0;
}

static char *
status_change_error (LinliCaseStatus from,
                     LinliCaseStatus to)
{
  if (to == LINLI_CASE_STATUS_REVISITED)
    return g_strdup (_("A case can have its follow-up visit only after it is resolved"));
  if (to == LINLI_CASE_STATUS_RESOLVED)
    return g_strdup (_("A case is resolved only while it is in progress or escalated"));
  /* TRANSLATORS: the two statuses of a case, such as “Registered” and “Revisited” */
  return g_strdup_printf (_("A case cannot go from “%s” to “%s”"),
                          linli_case_status_label (from), linli_case_status_label (to));
}

/**
 * linli_case_validate:
 * @case_copy: the case as edited
 * @original_or_null: the case as stored, %NULL for a new case
 * @reporter_name: (nullable): the reporter's name as typed, %NULL when the
 *   case is anonymous
 * @reporter_phone: (nullable): the reporter's phone as typed
 * @now: the time to check "not in the future" against
 * @errors: (out caller-allocates): the messages, one per field
 *
 * Checks every rule a case must meet to be saved. Times are checked against
 * each other only when both are there.
 *
 * Returns: %TRUE when there is no error
 */
gboolean
linli_case_validate (LinliRecord     *case_copy,
                     LinliRecord     *original_or_null,
                     const char      *reporter_name,
                     const char      *reporter_phone,
                     GDateTime       *now,
                     LinliCaseErrors *errors)
{
  const char *title, *resolution;
  GDateTime *reported, *due, *resolved, *revisited;
  LinliCaseStatus from, status;
  gboolean resolved_status;

  g_return_val_if_fail (LINLI_IS_CASE (case_copy), FALSE);
  g_return_val_if_fail (original_or_null == NULL || LINLI_IS_CASE (original_or_null), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (errors != NULL, FALSE);

  memset (errors, 0, sizeof *errors);

  title = linli_record_get_text (case_copy, "title");
  if (is_blank (title))
    errors->title = g_strdup (_("Enter a title"));
  else if (trimmed_length (title) > LINLI_CASE_TITLE_MAX)
    errors->title = g_strdup_printf (_("The title can be at most 100 characters (now %u)"),
                                     (guint) trimmed_length (title));

  if (is_blank (linli_record_get_text (case_copy, "category")))
    errors->category = g_strdup (_("Choose a category"));
  if (is_blank (linli_record_get_text (case_copy, "source")))
    errors->source = g_strdup (_("Choose how the case came in"));

  reported = linli_record_get_datetime (case_copy, "reported_at");
  due = linli_record_get_datetime (case_copy, "due_at");
  if (reported == NULL)
    errors->reported_at = g_strdup (_("Enter the time the case was reported"));
  else if (is_after (reported, now))
    errors->reported_at = g_strdup (_("The reported time cannot be in the future"));
  if (due != NULL && reported != NULL && g_date_time_compare (due, reported) <= 0)
    errors->due_at = g_strdup (_("The due time must be after the reported time"));

  if (reporter_name != NULL && is_blank (reporter_name))
    errors->reporter_name = g_strdup (_("Enter the reporter’s name, or choose Anonymous"));
  if (reporter_name != NULL && !is_blank (reporter_phone) && !linli_phone_is_valid (reporter_phone))
    errors->phone = g_strdup (_("Enter a mobile number of 11 digits or a landline with its area code, such as 0537-1234567"));

  from = original_status (original_or_null);
  status = linli_record_get_enum (case_copy, "status");
  if (!linli_case_status_can_change (from, status))
    errors->status = status_change_error (from, status);

  if (status == LINLI_CASE_STATUS_ASSIGNED && linli_record_get_int (case_copy, "worker_id") == 0)
    errors->worker = g_strdup (_("Choose the worker the case is assigned to"));

  if (status == LINLI_CASE_STATUS_DUPLICATE)
    {
      gint64 duplicate_of = linli_record_get_int (case_copy, "duplicate_of");
      if (duplicate_of == 0)
        errors->duplicate_of = g_strdup (_("Enter the number of the case this one repeats"));
      else if (duplicate_of == linli_record_get_id (case_copy))
        errors->duplicate_of = g_strdup (_("A case cannot repeat itself"));
    }

  resolved_status = status == LINLI_CASE_STATUS_RESOLVED || status == LINLI_CASE_STATUS_REVISITED;
  resolution = linli_record_get_text (case_copy, "resolution");
  resolved = linli_record_get_datetime (case_copy, "resolved_at");
  revisited = linli_record_get_datetime (case_copy, "revisited_at");
  if (resolved_status && is_blank (resolution))
    errors->resolution = g_strdup (_("Describe how the case was resolved"));
  if (resolved_status && linli_record_get_enum (case_copy, "resolution_level") == LINLI_RESOLUTION_LEVEL_NONE)
    errors->resolution_level = g_strdup (_("Choose where the case was resolved"));

  if (resolved_status && resolved == NULL)
    errors->resolved_at = g_strdup (_("Enter the time the case was resolved"));
  else if (resolved != NULL && reported != NULL && g_date_time_compare (resolved, reported) < 0)
    errors->resolved_at = g_strdup (_("The resolved time cannot be before the reported time"));
  else if (is_after (resolved, now))
    errors->resolved_at = g_strdup (_("The resolved time cannot be in the future"));

  if (status == LINLI_CASE_STATUS_REVISITED && revisited == NULL)
    errors->revisited_at = g_strdup (_("Enter the time of the follow-up visit"));
  else if (revisited != NULL && resolved != NULL && g_date_time_compare (revisited, resolved) < 0)
    errors->revisited_at = g_strdup (_("The follow-up visit cannot be before the case was resolved"));
  else if (revisited != NULL && reported != NULL && g_date_time_compare (revisited, reported) < 0)
    errors->revisited_at = g_strdup (_("The follow-up visit cannot be before the reported time"));
  else if (is_after (revisited, now))
    errors->revisited_at = g_strdup (_("The follow-up visit cannot be in the future"));

  return linli_case_errors_is_empty (errors);
}

/* The errors are read as an array of messages. */
LINLI_FORM_ERRORS_DEFINE (LinliCaseErrors, linli_case_errors)

/* First-level categories and sources are data, kept in Chinese as the
 * office writes them; a stored case may hold others. */
const char * const *
linli_case_categories (void)
{
  static const char * const categories[] = {
    "水电维修", "环境卫生", "邻里纠纷", "物业管理", "公共设施",
    "停车管理", "治安", "助老服务", "其他", NULL,
  };
  return categories;
}

const char * const *
linli_case_sources (void)
{
  static const char * const sources[] = {
    "网格巡查", "居民来电", "来访", "民情\"5\"来听", "12345转办", "其他", NULL,
  };
  return sources;
}

/* Mobiles: 11 digits from 13x to 19x, also written 138 1234 5678.
 * Landlines: the area code (010 and 02x have three digits, the others four)
 * and a number of 7 or 8 digits, as 0537-1234567, 0537 1234567,
 * 05371234567 or (0537)1234567; no extension. */
#define MOBILE_PATTERN   "^(1[3-9][0-9])[ -]?([0-9]{4})[ -]?([0-9]{4})$"
#define AREA_PATTERN     "0(?:10|2[0-9]|[3-9][0-9]{2})"
#define LANDLINE_PATTERN "^(?:\\((" AREA_PATTERN ")\\)|(" AREA_PATTERN "))[ -]?([1-9][0-9]{6,7})$"

/* @text in NFKC, so that the full-width digits of an input method count,
 * without the white space around it. */
static char *
normal_text (const char *text)
{
  char *normal;

  if (text == NULL)
    return NULL;
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  return normal != NULL ? g_strstrip (normal) : NULL;
}

/**
 * linli_phone_normalize:
 *
 * Returns: (transfer full) (nullable): the phone number written the one
 *   way it is kept (13812345678, 0537-1234567), or %NULL when @text is no
 *   phone number
 */
char *
linli_phone_normalize (const char *text)
{
  g_autofree char *normal = normal_text (text);
  g_autoptr(GRegex) mobile = NULL;
  g_autoptr(GRegex) landline = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (normal == NULL || *normal == '\0')
    return NULL;

  mobile = g_regex_new (MOBILE_PATTERN, 0, 0, NULL);
  if (g_regex_match (mobile, normal, 0, &match))
    {
      g_autofree char *a = g_match_info_fetch (match, 1);
      g_autofree char *b = g_match_info_fetch (match, 2);
      g_autofree char *c = g_match_info_fetch (match, 3);
      return g_strconcat (a, b, c, NULL);
    }
  g_clear_pointer (&match, g_match_info_free);

  landline = g_regex_new (LANDLINE_PATTERN, 0, 0, NULL);
  if (g_regex_match (landline, normal, 0, &match))
    {
      g_autofree char *bracketed = g_match_info_fetch (match, 1);
      g_autofree char *plain = g_match_info_fetch (match, 2);
      g_autofree char *number = g_match_info_fetch (match, 3);
      return g_strconcat (*bracketed ? bracketed : plain, "-", number, NULL);
    }
  return NULL;
}

gboolean
linli_phone_is_valid (const char *text)
{
  g_autofree char *normal = linli_phone_normalize (text);
  return normal != NULL;
}

/* Reads from 1 to @max_digits ASCII digits (at least @min_digits). */
static gboolean
read_number (const char **p,
             int          min_digits,
             int          max_digits,
             int         *value)
{
  int n = 0;

  *value = 0;
  while (n < max_digits && g_ascii_isdigit (**p))
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  return n >= min_digits && !g_ascii_isdigit (**p);
}

static gboolean
skip (const char **p,
      const char  *word)
{
  if (!g_str_has_prefix (*p, word))
    return FALSE;
  *p += strlen (word);
  return TRUE;
}

static gboolean
skip_date_separator (const char **p,
                     const char  *chinese)
{
  return skip (p, "-") || skip (p, "/") || skip (p, ".") || skip (p, chinese);
}

static void
skip_spaces (const char **p)
{
  while (g_ascii_isspace (**p))
    (*p)++;
}

/**
 * linli_parse_local_time:
 *
 * Reads a local time as the office types it: "2026-03-03 09:30",
 * "2026-3-3 9:30", "2026/03/03 09:30", "2026年3月3日 9:30", or a day
 * alone, "2026-03-03", which is its midnight. Full-width digits count.
 *
 * Returns: (transfer full) (nullable): the time in the local time zone, or
 *   %NULL when @text is not one
 */
GDateTime *
linli_parse_local_time (const char *text)
{
  g_autofree char *normal = normal_text (text);
  const char *p = normal;
  int year, month, day, hour = 0, minute = 0, second = 0;

  if (normal == NULL)
    return NULL;

  if (!read_number (&p, 4, 4, &year) || !skip_date_separator (&p, "年") ||
      !read_number (&p, 1, 2, &month) || !skip_date_separator (&p, "月") ||
      !read_number (&p, 1, 2, &day))
    return NULL;
  skip (&p, "日");

  if (*p != '\0')
    {
      const char *before = p;
      skip_spaces (&p);
      if (p == before && !skip (&p, "T"))
        return NULL;
      if (!read_number (&p, 1, 2, &hour) || !skip (&p, ":") || !read_number (&p, 2, 2, &minute))
        return NULL;
      if (skip (&p, ":") && !read_number (&p, 2, 2, &second))
        return NULL;
      if (*p != '\0')
        return NULL;
    }

  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) ||
      hour > 23 || minute > 59 || second > 59)
    return NULL;
  return g_date_time_new_local (year, month, day, hour, minute, second);
}

/**
 * linli_format_local_time:
 *
 * Returns: (transfer full) (nullable): @time as the editor shows it,
 *   "2026-03-03 09:30" in the local time zone; %NULL for %NULL
 */
char *
linli_format_local_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return NULL;
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}
