/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-form-field"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "linli-form-field.h"

#include "linli-case-rules.h"

/* The fields of the record editors' forms: text and times read and
 * written, a message under a field once the user touched it, and choices
 * (an AdwComboRow over labels, each with a key). */

#define TOUCHED_KEY     "linli-form-field-touched"
#define KEYS_KEY        "linli-form-choice-keys"
#define PLACEHOLDER_KEY "linli-form-field-placeholder"
#define TIME_KEY        "linli-form-field-time"

/* A field shows its message once the user has changed it, or when the
 * editor asks for every message: an empty new case is not an error. */
void
linli_form_field_touch (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), TOUCHED_KEY, GINT_TO_POINTER (TRUE));
}

/* An example in an empty field that shows an error would turn red with it
 * and read as a wrong value typed: the example steps aside meanwhile. */
static void
hide_example (GtkWidget *widget,
              gboolean   hide)
{
  GObject *object = G_OBJECT (widget);
  gboolean hidden = g_object_get_data (object, PLACEHOLDER_KEY) != NULL;
  g_autofree char *example = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (object), "placeholder-text") == NULL ||
      hide == hidden)
    return;
  if (hide)
    {
      g_object_get (object, "placeholder-text", &example, NULL);
      if (example == NULL)
        return;
      g_object_set_data_full (object, PLACEHOLDER_KEY, g_steal_pointer (&example), g_free);
      g_object_set (object, "placeholder-text", NULL, NULL);
    }
  else
    {
      example = g_object_steal_data (object, PLACEHOLDER_KEY);
      g_object_set (object, "placeholder-text", example, NULL);
    }
}

/**
 * linli_form_field_show:
 * @row: the AdwActionRow of the field
 * @widget: (nullable): the widget the user edits, when it is not @row
 * @error: (nullable): what is wrong
 * @hint: (nullable): what the row says when nothing is wrong
 *
 * Shows @error as the subtitle of @row, in the error colour; the
 * example (placeholder) of @widget is hidden meanwhile.
 */
void
linli_form_field_show (GtkWidget  *row,
                       GtkWidget  *widget,
                       const char *error,
                       const char *hint,
                       gboolean    show_all)
{
  GtkWidget *edited = widget != NULL ? widget : row;
  gboolean show_error;

  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  show_error = error != NULL && (show_all || g_object_get_data (G_OBJECT (edited), TOUCHED_KEY) != NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), show_error ? error : hint);
  if (show_error)
    {
      gtk_widget_add_css_class (row, "linli-field-error");
      if (widget != NULL)
        gtk_widget_add_css_class (widget, "error");
    }
  else
    {
      gtk_widget_remove_css_class (row, "linli-field-error");
      if (widget != NULL)
        gtk_widget_remove_css_class (widget, "error");
    }
  if (widget != NULL)
    hide_example (widget, show_error);
  gtk_accessible_update_state (GTK_ACCESSIBLE (edited), GTK_ACCESSIBLE_STATE_INVALID,
                               show_error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

static char *
trimmed_or_null (const char *text)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");
  const char *start = copy;
  char *end = copy + strlen (copy);

  /* White space as Unicode sees it: an input method's U+3000 too. */
  while (*start && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      char *prev = g_utf8_prev_char (end);
      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  *end = '\0';
  return *start ? g_strdup (start) : NULL;
}

/**
 * linli_form_field_dup_text:
 *
 * Returns: (transfer full) (nullable): the text without the white space
 *   around it, %NULL when there is nothing else
 */
char *
linli_form_field_dup_text (GtkEditable *editable)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  return trimmed_or_null (gtk_editable_get_text (editable));
}

void
linli_form_field_set_text (GtkEditable *editable,
                           const char  *text)
{
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  gtk_editable_set_text (editable, text != NULL ? text : "");
}

char *
linli_form_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return trimmed_or_null (text);
}

void
linli_form_text_view_set_text (GtkTextView *view,
                               const char  *text)
{
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

/**
 * linli_form_field_read_time:
 * @current: (nullable): the time the field held so far
 * @time: (out) (transfer full) (nullable): the time typed, %NULL when the
 *   field is empty
 *
 * The editor shows times to the minute: when the text still says @current,
 * @current is kept with its seconds.
 *
 * Returns: %FALSE when the text is not a time
 */
gboolean
linli_form_field_read_time (GtkEditable  *editable,
                            GDateTime    *current,
                            GDateTime   **time)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *current_shown = NULL;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  *time = NULL;
  text = linli_form_field_dup_text (editable);
  if (text == NULL)
    return TRUE;
  parsed = linli_parse_local_time (text);
  if (parsed == NULL)
    return FALSE;

  shown = linli_format_local_time (parsed);
  current_shown = linli_format_local_time (current);
  if (g_strcmp0 (shown, current_shown) == 0)
    *time = g_date_time_ref (current);
  else
    *time = g_steal_pointer (&parsed);
  return TRUE;
}

void
linli_form_field_set_time (GtkEditable *editable,
                           GDateTime   *time)
{
  g_autofree char *text = linli_format_local_time (time);

  g_return_if_fail (GTK_IS_EDITABLE (editable));

  g_object_set_data (G_OBJECT (editable), TIME_KEY, GINT_TO_POINTER (TRUE));
  gtk_editable_set_text (editable, text != NULL ? text : "");
}

/**
 * linli_form_field_is_time:
 *
 * Returns: whether @widget is a field of a day and a time, one that
 *   linli_form_field_set_time() filled
 */
gboolean
linli_form_field_is_time (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  return g_object_get_data (G_OBJECT (widget), TIME_KEY) != NULL;
}

/* A time the field could not read: that message comes before any the
 * rules have about the time the copy still holds. */
void
linli_form_set_time_error (char **field)
{
  g_return_if_fail (field != NULL);

  g_free (*field);
  *field = g_strdup (_("Enter a day and a time, such as 2026-03-03 09:30"));
}

static GArray *
choice_keys (AdwComboRow *row)
{
  return g_object_get_data (G_OBJECT (row), KEYS_KEY);
}

/* Nothing chosen until set_key() says what. */
void
linli_form_choice_set (AdwComboRow        *row,
                       const gint64       *keys,
                       const char * const *labels,
                       guint               n_items)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GArray *array = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_items);

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  for (guint i = 0; i < n_items; i++)
    gtk_string_list_append (model, labels[i]);
  g_array_append_vals (array, keys, n_items);
  g_object_set_data_full (G_OBJECT (row), KEYS_KEY, array, (GDestroyNotify) g_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, GTK_INVALID_LIST_POSITION);
}

gboolean
linli_form_choice_get_key (AdwComboRow *row,
                           gint64      *key)
{
  GArray *keys;
  guint selected;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  keys = choice_keys (row);
  selected = adw_combo_row_get_selected (row);
  if (keys == NULL || selected >= keys->len)
    return FALSE;
  *key = g_array_index (keys, gint64, selected);
  return TRUE;
}

/* Returns: %FALSE, with nothing chosen, when no item has @key */
gboolean
linli_form_choice_set_key (AdwComboRow *row,
                           gint64       key)
{
  GArray *keys;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), FALSE);

  keys = choice_keys (row);
  for (guint i = 0; keys != NULL && i < keys->len; i++)
    if (g_array_index (keys, gint64, i) == key)
      {
        adw_combo_row_set_selected (row, i);
        return TRUE;
      }
  adw_combo_row_set_selected (row, GTK_INVALID_LIST_POSITION);
  return FALSE;
}

/**
 * linli_form_choice_set_strings:
 * @current: (nullable): the value to choose; added when it is not one of
 *   @strings, as a stored case may hold a value the list no longer has
 */
void
linli_form_choice_set_strings (AdwComboRow        *row,
                               const char * const *strings,
                               const char         *current)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 chosen = -1;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  for (guint i = 0; strings[i] != NULL; i++)
    {
      gint64 key = i;
      g_ptr_array_add (labels, (gpointer) strings[i]);
      g_array_append_val (keys, key);
      if (g_strcmp0 (strings[i], current) == 0)
        chosen = key;
    }
  if (current != NULL && chosen < 0)
    {
      chosen = labels->len;
      g_ptr_array_add (labels, (gpointer) current);
      g_array_append_val (keys, chosen);
    }
  linli_form_choice_set (row, (const gint64 *) (gpointer) keys->data,
                         (const char * const *) labels->pdata, labels->len);
  if (chosen >= 0)
    linli_form_choice_set_key (row, chosen);
}

/* Returns: (nullable): the label chosen */
const char *
linli_form_choice_get_string (AdwComboRow *row)
{
  gpointer item;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), NULL);

  item = adw_combo_row_get_selected_item (row);
  return item != NULL ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : NULL;
}

typedef struct
{
  LinliRecord *record;
  char        *sort_key;
} Named;

static void
named_clear (gpointer data)
{
  Named *named = data;

  g_object_unref (named->record);
  g_free (named->sort_key);
}

static int
compare_named (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const Named *) a)->sort_key, ((const Named *) b)->sort_key);
}

/**
 * linli_form_sort_by_name:
 * @records: records of one type
 * @column: the text column that names a record
 *
 * Sorts by name as people read it: by the locale's collation, which in
 * Chinese is pinyin (范 before 刘 before 杨), with numbers as people count
 * them (3号楼 before 10号楼).
 *
 * Returns: (transfer container) (element-type LinliRecord): the records
 */
GPtrArray *
linli_form_sort_by_name (GListModel *records,
                         const char *column)
{
  g_autoptr(GArray) named = g_array_new (FALSE, FALSE, sizeof (Named));
  GPtrArray *sorted;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (records), NULL);
  g_return_val_if_fail (column != NULL, NULL);

  n = g_list_model_get_n_items (records);
  g_array_set_clear_func (named, named_clear);
  for (guint i = 0; i < n; i++)
    {
      LinliRecord *record = g_list_model_get_item (records, i);
      const char *name = linli_record_get_text (record, column);
      Named item = { record, g_utf8_collate_key_for_filename (name != NULL ? name : "", -1) };
      g_array_append_val (named, item);
    }
  g_array_sort (named, compare_named);

  sorted = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < named->len; i++)
    g_ptr_array_add (sorted, g_object_ref (g_array_index (named, Named, i).record));
  return sorted;
}

/**
 * linli_form_choice_set_records:
 * @records: records of one type
 * @column: the text column that names a record
 * @none_label: the first item, key 0: no record
 * @sort_by_label: sort by name (linli_form_sort_by_name()), or keep the
 *   order of @records
 */
void
linli_form_choice_set_records (AdwComboRow *row,
                               GListModel  *records,
                               const char  *column,
                               const char  *none_label,
                               gboolean     sort_by_label)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gint64 none = 0;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (G_IS_LIST_MODEL (records));

  if (sort_by_label)
    sorted = linli_form_sort_by_name (records, column);
  else
    {
      sorted = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (records); i++)
        g_ptr_array_add (sorted, g_list_model_get_item (records, i));
    }

  g_array_append_val (keys, none);
  g_ptr_array_add (labels, (gpointer) none_label);
  for (guint i = 0; i < sorted->len; i++)
    {
      LinliRecord *record = g_ptr_array_index (sorted, i);
      const char *name = linli_record_get_text (record, column);
      gint64 id = linli_record_get_id (record);

      g_array_append_val (keys, id);
      g_ptr_array_add (labels, (gpointer) (name != NULL ? name : ""));
    }
  linli_form_choice_set (row, (const gint64 *) (gpointer) keys->data,
                         (const char * const *) labels->pdata, labels->len);
}
