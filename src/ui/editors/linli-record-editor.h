/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "linli-store.h"

G_BEGIN_DECLS

/* The window every record editor is: it holds the store, the record as
 * stored (NULL for a new one), the baseline that "no changes" means and
 * the copy the sections edit. It checks the copy after every change,
 * keeps Save off while anything is wrong, writes with one store call,
 * deletes with ::deleted for the page's Undo, and asks Save, Discard or
 * Cancel when closed with changes. A subclass gives its template (with an
 * "error_revealer" GtkRevealer holding an "error_label" GtkLabel, and a
 * "delete_group" shown only for a stored record), the hooks below and
 * linli_record_editor_class_setup(). Its template may connect a field's
 * signal to field_changed_cb (read_fields(), then check), entry_changed_cb
 * (the same, and the field shows its messages from now on) or
 * place_changed_cb (the widget changed the copy itself: check); none of
 * them runs while load() fills the form. */

#define LINLI_TYPE_RECORD_EDITOR (linli_record_editor_get_type ())

G_DECLARE_DERIVABLE_TYPE (LinliRecordEditor, linli_record_editor, LINLI, RECORD_EDITOR, AdwWindow)

/* What an editor says, as untranslated messages, each with one %s,
 * the error for the first two, the first thing wrong for the last. */
typedef struct
{
  const char *save_failed;
  const char *delete_failed;
  const char *unsaved;
  const char *unsaved_invalid;
} LinliRecordEditorTexts;

struct _LinliRecordEditorClass
{
  AdwWindowClass parent_class;

  /* A new record of the editor's kind, with its defaults. */
  LinliRecord *(*new_record)  (LinliRecordEditor  *self);
  /* Shows the copy, besides the sections (LinliRecordSection), which the
   * editor loads itself; runs once, with changes not yet followed.
   * Optional. */
  void         (*load)        (LinliRecordEditor  *self);
  /* Checks the copy and what the fields could not put in it, shows each
   * message in its field (all of them when @show_all, else only in fields
   * the user touched), and says whether it may be saved; @first, when
   * given, gets the first thing wrong. */
  gboolean     (*validate)    (LinliRecordEditor  *self,
                               gboolean            show_all,
                               char              **first);
  /* Writes the copy with what goes with it: one store call, all or
   * nothing, leaving the copy as it was on failure. */
  gboolean     (*write)       (LinliRecordEditor  *self,
                               GError            **error);
  /* Deletes the stored record; @children gets what the page needs to put
   * it back with it, freed with @free_children. Optional: by default the
   * record alone. */
  gboolean     (*delete)      (LinliRecordEditor  *self,
                               gpointer           *children,
                               GDestroyNotify     *free_children,
                               GError            **error);
  /* The window title for @original, %NULL for a new record. */
  char        *(*title_for)   (LinliRecordEditor  *self,
                               LinliRecord        *original);
  /* Changes Save would write besides the copy's fields. Optional. */
  gboolean     (*has_changes) (LinliRecordEditor  *self);
  /* Puts what the fields hold into the copy, for the template's
   * field_changed_cb and entry_changed_cb. Optional. */
  void         (*read_fields) (LinliRecordEditor  *self);

  /*< private >*/
  char                         *action_prefix;
  const LinliRecordEditorTexts *texts;
  gpointer                      padding[5];
};

void         linli_record_editor_class_setup (LinliRecordEditorClass       *klass,
                                              const char                   *action_prefix,
                                              const LinliRecordEditorTexts *texts);

gpointer     linli_record_editor_new_of       (GType              editor_type,
                                              GtkWindow         *parent,
                                              LinliStore        *store,
                                              LinliRecord       *record_or_null);

LinliStore  *linli_record_editor_get_store    (LinliRecordEditor *self);
LinliRecord *linli_record_editor_get_original (LinliRecordEditor *self);
LinliRecord *linli_record_editor_get_copy     (LinliRecordEditor *self);
gboolean     linli_record_editor_is_valid     (LinliRecordEditor *self);
gboolean     linli_record_editor_has_changes  (LinliRecordEditor *self);
gboolean     linli_record_editor_is_loading   (LinliRecordEditor *self);
void         linli_record_editor_check_sections (LinliRecordEditor *self,
                                                 gpointer           errors);
void         linli_record_editor_show_sections  (LinliRecordEditor *self,
                                                 gconstpointer      errors,
                                                 gboolean           show_all);
void         linli_record_editor_changed      (LinliRecordEditor *self);
void         linli_record_editor_show_banner  (LinliRecordEditor *self,
                                               const char        *message);

G_END_DECLS
