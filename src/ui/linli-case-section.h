/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-case-rules.h"
#include "linli-store.h"

G_BEGIN_DECLS

/* A section of the case editor: an AdwPreferencesGroup that edits the
 * editor's copy of the case in place and emits ::changed, so the editor
 * checks the whole case again and hands each section its messages. */

#define LINLI_TYPE_CASE_SECTION (linli_case_section_get_type ())

G_DECLARE_INTERFACE (LinliCaseSection, linli_case_section, LINLI, CASE_SECTION, AdwPreferencesGroup)

struct _LinliCaseSectionInterface
{
  GTypeInterface parent_iface;

  /* Shows @copy; @original is the case as stored, NULL for a new one. */
  void (*load)        (LinliCaseSection      *self,
                       LinliStore            *store,
                       LinliRecord           *copy,
                       LinliRecord           *original);
  /* Adds what the rules cannot see: text that is not a time, a number of
   * no case. Optional. */
  void (*check_input) (LinliCaseSection      *self,
                       LinliCaseErrors       *errors);
  void (*show_errors) (LinliCaseSection      *self,
                       const LinliCaseErrors *errors,
                       gboolean               show_all);
};

void         linli_case_section_load          (LinliCaseSection      *self,
                                               LinliStore            *store,
                                               LinliRecord           *copy,
                                               LinliRecord           *original);
void         linli_case_section_check_input   (LinliCaseSection      *self,
                                               LinliCaseErrors       *errors);
void         linli_case_section_show_errors   (LinliCaseSection      *self,
                                               const LinliCaseErrors *errors,
                                               gboolean               show_all);
void         linli_case_section_changed       (LinliCaseSection      *self);

/* For the sections: fields, their messages, and choices. */
void         linli_case_field_touch           (GtkWidget             *widget);
void         linli_case_field_show            (GtkWidget             *row,
                                               GtkWidget             *widget,
                                               const char            *error,
                                               const char            *hint,
                                               gboolean               show_all);
char        *linli_case_field_dup_text        (GtkEditable           *editable);
void         linli_case_field_set_text        (GtkEditable           *editable,
                                               const char            *text);
char        *linli_case_text_view_dup_text    (GtkTextView           *view);
void         linli_case_text_view_set_text    (GtkTextView           *view,
                                               const char            *text);
gboolean     linli_case_field_read_time       (GtkEditable           *editable,
                                               GDateTime             *current,
                                               GDateTime            **time);
void         linli_case_field_set_time        (GtkEditable           *editable,
                                               GDateTime             *time);
void         linli_case_errors_set_time_error (char                 **field);

/* A choice is an AdwComboRow over labels, each with a key: a row id, an
 * enum value, or the label's place in a list of strings. */
void         linli_case_choice_set            (AdwComboRow           *row,
                                               const gint64          *keys,
                                               const char * const    *labels,
                                               guint                  n_items);
gboolean     linli_case_choice_get_key        (AdwComboRow           *row,
                                               gint64                *key);
gboolean     linli_case_choice_set_key        (AdwComboRow           *row,
                                               gint64                 key);
void         linli_case_choice_set_strings    (AdwComboRow           *row,
                                               const char * const    *strings,
                                               const char            *current);
const char  *linli_case_choice_get_string     (AdwComboRow           *row);
void         linli_case_choice_set_records    (AdwComboRow           *row,
                                               GListModel            *records,
                                               const char            *column,
                                               const char            *none_label,
                                               gboolean               sort_by_label);

G_END_DECLS
