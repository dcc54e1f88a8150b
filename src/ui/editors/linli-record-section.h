/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"
#include "linli-form-field.h"

G_BEGIN_DECLS

/* A section of a record editor: an AdwPreferencesGroup that edits the
 * editor's copy of the record in place and emits ::changed, so the editor
 * checks the whole record again and hands each section its messages.
 * The messages are the errors structure of the record's kind
 * (LinliCaseErrors, LinliActivityErrors, ...): the editor and its
 * sections agree on which. */

#define LINLI_TYPE_RECORD_SECTION (linli_record_section_get_type ())

G_DECLARE_INTERFACE (LinliRecordSection, linli_record_section, LINLI, RECORD_SECTION, AdwPreferencesGroup)

struct _LinliRecordSectionInterface
{
  GTypeInterface parent_iface;

  /* Shows @copy; @original is the record as stored, NULL for a new one. */
  void (*load)        (LinliRecordSection    *self,
                       LinliStore            *store,
                       LinliRecord           *copy,
                       LinliRecord           *original);
  /* Adds to @errors what the rules cannot see: text that is not a time,
   * a number of no case. Optional. */
  void (*check_input) (LinliRecordSection    *self,
                       gpointer               errors);
  /* Shows the messages of its fields. Optional. */
  void (*show_errors) (LinliRecordSection    *self,
                       gconstpointer          errors,
                       gboolean               show_all);
};

void         linli_record_section_load          (LinliRecordSection *self,
                                                 LinliStore         *store,
                                                 LinliRecord        *copy,
                                                 LinliRecord        *original);
void         linli_record_section_check_input   (LinliRecordSection *self,
                                                 gpointer            errors);
void         linli_record_section_show_errors   (LinliRecordSection *self,
                                                 gconstpointer       errors,
                                                 gboolean            show_all);
void         linli_record_section_changed       (LinliRecordSection *self);
void         linli_record_section_set_text      (LinliRecordSection *self,
                                                 LinliRecord        *copy,
                                                 const char         *column,
                                                 GtkWidget          *field);
void         linli_record_section_pick_location (LinliRecordSection *self,
                                                 LinliStore         *store,
                                                 LinliRecord        *copy,
                                                 GCallback           chosen);

G_END_DECLS
