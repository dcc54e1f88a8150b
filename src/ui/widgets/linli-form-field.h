/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-record.h"

G_BEGIN_DECLS

/* Fields of a record editor's form, their messages, and choices. */
void         linli_form_field_touch           (GtkWidget             *widget);
void         linli_form_field_show            (GtkWidget             *row,
                                               GtkWidget             *widget,
                                               const char            *error,
                                               const char            *hint,
                                               gboolean               show_all);
char        *linli_form_field_dup_text        (GtkEditable           *editable);
void         linli_form_field_set_text        (GtkEditable           *editable,
                                               const char            *text);
char        *linli_form_text_view_dup_text    (GtkTextView           *view);
void         linli_form_text_view_set_text    (GtkTextView           *view,
                                               const char            *text);
gboolean     linli_form_field_read_time       (GtkEditable           *editable,
                                               GDateTime             *current,
                                               GDateTime            **time);
void         linli_form_field_set_time        (GtkEditable           *editable,
                                               GDateTime             *time);
gboolean     linli_form_field_is_time         (GtkWidget             *widget);
void         linli_form_set_time_error        (char                 **field);

/* A choice is an AdwComboRow over labels, each with a key: a row id, an
 * enum value, or the label's place in a list of strings. */
void         linli_form_choice_set            (AdwComboRow           *row,
                                               const gint64          *keys,
                                               const char * const    *labels,
                                               guint                  n_items);
gboolean     linli_form_choice_get_key        (AdwComboRow           *row,
                                               gint64                *key);
gboolean     linli_form_choice_set_key        (AdwComboRow           *row,
                                               gint64                 key);
void         linli_form_choice_set_strings    (AdwComboRow           *row,
                                               const char * const    *strings,
                                               const char            *current);
const char  *linli_form_choice_get_string     (AdwComboRow           *row);
GPtrArray   *linli_form_sort_by_name          (GListModel            *records,
                                               const char            *column);
void         linli_form_choice_set_records    (AdwComboRow           *row,
                                               GListModel            *records,
                                               const char            *column,
                                               const char            *none_label,
                                               gboolean               sort_by_label);

G_END_DECLS
