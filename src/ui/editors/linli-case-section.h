/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-case-rules.h"
#include "linli-store.h"
#include "linli-form-field.h"

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

G_END_DECLS
