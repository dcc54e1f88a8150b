/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-editor-close"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-editor-close.h"

typedef struct
{
  GtkWindow          *editor;
  char               *response;
  LinliEditorRespond  respond;
} Response;

static gboolean
apply_response_cb (gpointer data)
{
  Response *response = data;

  response->respond (response->editor, response->response);
  g_object_unref (response->editor);
  g_free (response->response);
  g_free (response);
  return G_SOURCE_REMOVE;
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  Response *pending;

  if (!g_str_equal (response, "save") && !g_str_equal (response, "discard"))
    return;
  pending = g_new (Response, 1);
  pending->editor = g_object_ref (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  pending->response = g_strdup (response);
  pending->respond = (LinliEditorRespond) user_data;
  g_idle_add (apply_response_cb, pending);
}

/* Returns: (transfer none): the dialog, shown; it goes with @editor */
AdwMessageDialog *
linli_editor_ask_to_save (GtkWindow          *editor,
                          const char         *body,
                          gboolean            can_save,
                          LinliEditorRespond  respond)
{
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (editor), NULL);
  g_return_val_if_fail (respond != NULL, NULL);

  dialog = adw_message_dialog_new (editor, _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", can_save);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), can_save ? "save" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), respond);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}
