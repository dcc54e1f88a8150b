/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "linli-alert.h"

G_BEGIN_DECLS

void       test_wait_until_drawn (GtkWidget *widget);
void       test_collect          (GtkWidget *root,
                                  GType      type,
                                  GPtrArray *found);
GtkWidget *test_find             (GtkWidget *root,
                                  GType      type);
GtkWidget *test_find_button      (GtkWidget  *root,
                                  const char *action_name);
GtkWidget *test_find_button_labelled (GtkWidget  *root,
                                      const char *label);

/* The rows of a form, by their titles without the mnemonic underline. */
GtkWidget  *test_find_row            (GtkWidget  *root,
                                      const char *title);
void        test_set_text            (GtkWidget  *root,
                                      const char *title,
                                      const char *text);
void        test_set_text_view       (GtkWidget  *root,
                                      const char *title,
                                      const char *text);
void        test_choose              (GtkWidget  *root,
                                      const char *title,
                                      const char *label);
char       *test_choices_of          (GtkWidget  *root,
                                      const char *title);

gpointer    test_find_toplevel       (GType       type);
gpointer    test_wait_for_toplevel   (GType       type);
LinliAlert *test_find_alert          (void);
GtkWidget  *test_find_file_chooser   (void);
void        test_answer_file_chooser (GtkWidget  *chooser,
                                      GFile      *file);

G_END_DECLS
