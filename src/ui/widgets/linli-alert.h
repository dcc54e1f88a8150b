/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LINLI_TYPE_ALERT (linli_alert_get_type ())

G_DECLARE_FINAL_TYPE (LinliAlert, linli_alert, LINLI, ALERT, GObject)

/**
 * LinliAlertFunc:
 * @alert: the alert that was answered
 * @response: the id of the response chosen, or the close response when
 *   the alert was closed without one
 *
 * Called once, when the user answers.
 */
typedef void (*LinliAlertFunc) (LinliAlert *alert,
                                const char *response,
                                gpointer    user_data);

LinliAlert           *linli_alert_new                     (const char            *heading,
                                                           const char            *body);
void                  linli_alert_add_response            (LinliAlert            *self,
                                                           const char            *id,
                                                           const char            *label);
void                  linli_alert_set_response_appearance (LinliAlert            *self,
                                                           const char            *id,
                                                           AdwResponseAppearance  appearance);
void                  linli_alert_set_response_enabled    (LinliAlert            *self,
                                                           const char            *id,
                                                           gboolean               enabled);
void                  linli_alert_set_default_response    (LinliAlert            *self,
                                                           const char            *id);
void                  linli_alert_set_close_response      (LinliAlert            *self,
                                                           const char            *id);
void                  linli_alert_present                 (LinliAlert            *self,
                                                           GtkWidget             *parent,
                                                           LinliAlertFunc         func,
                                                           gpointer               user_data,
                                                           GDestroyNotify         destroy);
void                  linli_alert_close                   (LinliAlert            *self);
void                  linli_alert_show_message            (GtkWidget             *parent,
                                                           const char            *heading,
                                                           const char            *body);

/* What the alert shows, read back from the dialog itself. */
const char           *linli_alert_get_heading             (LinliAlert            *self);
const char           *linli_alert_get_body                (LinliAlert            *self);
gboolean              linli_alert_has_response            (LinliAlert            *self,
                                                           const char            *id);
AdwResponseAppearance linli_alert_get_response_appearance (LinliAlert            *self,
                                                           const char            *id);
gboolean              linli_alert_get_response_enabled    (LinliAlert            *self,
                                                           const char            *id);
const char           *linli_alert_get_default_response    (LinliAlert            *self);
const char           *linli_alert_get_close_response      (LinliAlert            *self);
GtkWidget            *linli_alert_get_parent              (LinliAlert            *self);
GtkWidget            *linli_alert_get_dialog              (LinliAlert            *self);
gboolean              linli_alert_is_shown                (LinliAlert            *self);
LinliAlert           *linli_alert_for_dialog              (GtkWidget             *dialog);
void                  linli_alert_respond                 (LinliAlert            *self,
                                                           const char            *id);

G_END_DECLS
