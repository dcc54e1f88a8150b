/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-alert"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-alert.h"

/* A question with a few answers, or a message with Close: AdwAlertDialog
 * where libadwaita has it (1.5), AdwMessageDialog before (Debian 12 has
 * 1.2). The two are alike but for their base: AdwAlertDialog is an
 * AdwDialog shown inside its parent's window, AdwMessageDialog a window of
 * its own. This file is the one place that knows which; its callers, and
 * the tests that answer an alert, use LinliAlert alone.
 *
 * The alert keeps itself alive while it is shown and calls back exactly
 * once: with the chosen response, or the close response when it was
 * closed without one. */

#define USE_ALERT_DIALOG ADW_CHECK_VERSION (1, 5, 0)

#define ALERT_KEY "linli-alert"

struct _LinliAlert
{
  GObject         parent_instance;

  GtkWidget      *dialog;   /* AdwAlertDialog or AdwMessageDialog, owned */
  GWeakRef        parent;
  LinliAlertFunc  func;
  gpointer        user_data;
  GDestroyNotify  destroy;
  gboolean        presented;
  gboolean        shown;
};

G_DEFINE_FINAL_TYPE (LinliAlert, linli_alert, G_TYPE_OBJECT)

#if USE_ALERT_DIALOG
# define DIALOG(self) ADW_ALERT_DIALOG ((self)->dialog)
#else
# define DIALOG(self) ADW_MESSAGE_DIALOG ((self)->dialog)
#endif

static void
response_cb (GtkWidget  *dialog,
             const char *response,
             LinliAlert *self)
{
  g_autofree char *id = g_strdup (response);
  LinliAlertFunc func = self->func;
  gpointer user_data = self->user_data;
  GDestroyNotify destroy = self->destroy;

  /* A button closes the dialog and answers; closing may answer too. */
  if (!self->shown)
    return;
  self->shown = FALSE;
  self->func = NULL;
  self->user_data = NULL;
  self->destroy = NULL;
  g_signal_handlers_disconnect_by_func (dialog, response_cb, self);

  if (func != NULL)
    func (self, id, user_data);
  if (destroy != NULL)
    destroy (user_data);
  /* The reference linli_alert_present() took. */
  g_object_unref (self);
}

static void
linli_alert_dispose (GObject *object)
{
  LinliAlert *self = LINLI_ALERT (object);

  if (self->dialog != NULL)
    {
      g_object_set_data (G_OBJECT (self->dialog), ALERT_KEY, NULL);
#if !USE_ALERT_DIALOG
      /* A window lives in GTK's list of toplevels until destroyed; one
       * never shown would stay there. A shown one closes itself. */
      if (!self->presented)
        gtk_window_destroy (GTK_WINDOW (self->dialog));
#endif
    }
  g_clear_object (&self->dialog);

  G_OBJECT_CLASS (linli_alert_parent_class)->dispose (object);
}

static void
linli_alert_finalize (GObject *object)
{
  LinliAlert *self = LINLI_ALERT (object);

  g_weak_ref_clear (&self->parent);
  if (self->destroy != NULL)
    self->destroy (self->user_data);

  G_OBJECT_CLASS (linli_alert_parent_class)->finalize (object);
}

static void
linli_alert_class_init (LinliAlertClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = linli_alert_dispose;
  object_class->finalize = linli_alert_finalize;
}

static void
linli_alert_init (LinliAlert *self)
{
  g_weak_ref_init (&self->parent, NULL);
}

/**
 * linli_alert_new:
 * @body: (nullable): what the heading does not say
 *
 * Returns: (transfer full): an alert with no responses yet
 */
LinliAlert *
linli_alert_new (const char *heading,
                 const char *body)
{
  LinliAlert *self;

  g_return_val_if_fail (heading != NULL, NULL);

  self = g_object_new (LINLI_TYPE_ALERT, NULL);
#if USE_ALERT_DIALOG
  self->dialog = g_object_ref_sink (GTK_WIDGET (adw_alert_dialog_new (heading, body)));
#else
  /* GTK keeps a window it made: this reference is the alert's own. */
  self->dialog = g_object_ref (adw_message_dialog_new (NULL, heading, body));
#endif
  g_object_set_data (G_OBJECT (self->dialog), ALERT_KEY, self);
  return self;
}

void
linli_alert_add_response (LinliAlert *self,
                          const char *id,
                          const char *label)
{
  g_return_if_fail (LINLI_IS_ALERT (self));
  g_return_if_fail (id != NULL && label != NULL);

#if USE_ALERT_DIALOG
  adw_alert_dialog_add_response (DIALOG (self), id, label);
#else
  adw_message_dialog_add_response (DIALOG (self), id, label);
#endif
}

/**
 * linli_alert_set_response_appearance:
 *
 * %ADW_RESPONSE_DESTRUCTIVE for an answer that loses something,
 * %ADW_RESPONSE_SUGGESTED for the answer most would give.
 */
void
linli_alert_set_response_appearance (LinliAlert            *self,
                                     const char            *id,
                                     AdwResponseAppearance  appearance)
{
  g_return_if_fail (LINLI_IS_ALERT (self));
  g_return_if_fail (id != NULL);

#if USE_ALERT_DIALOG
  adw_alert_dialog_set_response_appearance (DIALOG (self), id, appearance);
#else
  adw_message_dialog_set_response_appearance (DIALOG (self), id, appearance);
#endif
}

/**
 * linli_alert_set_response_enabled:
 *
 * Also while the alert is shown: the button greys out or comes back.
 */
void
linli_alert_set_response_enabled (LinliAlert *self,
                                  const char *id,
                                  gboolean    enabled)
{
  g_return_if_fail (LINLI_IS_ALERT (self));
  g_return_if_fail (id != NULL);

#if USE_ALERT_DIALOG
  adw_alert_dialog_set_response_enabled (DIALOG (self), id, enabled);
#else
  adw_message_dialog_set_response_enabled (DIALOG (self), id, enabled);
#endif
}

/**
 * linli_alert_set_default_response:
 *
 * The answer Enter gives.
 */
void
linli_alert_set_default_response (LinliAlert *self,
                                  const char *id)
{
  g_return_if_fail (LINLI_IS_ALERT (self));

#if USE_ALERT_DIALOG
  adw_alert_dialog_set_default_response (DIALOG (self), id);
#else
  adw_message_dialog_set_default_response (DIALOG (self), id);
#endif
}

/**
 * linli_alert_set_close_response:
 *
 * The answer Escape or closing the alert gives; "close" unless set.
 */
void
linli_alert_set_close_response (LinliAlert *self,
                                const char *id)
{
  g_return_if_fail (LINLI_IS_ALERT (self));
  g_return_if_fail (id != NULL);

#if USE_ALERT_DIALOG
  adw_alert_dialog_set_close_response (DIALOG (self), id);
#else
  adw_message_dialog_set_close_response (DIALOG (self), id);
#endif
}

/**
 * linli_alert_present:
 * @parent: (nullable): a widget of the window to ask over
 * @func: (nullable) (scope notified): called once, with the answer
 * @destroy: (nullable): frees @user_data after @func ran, or when the
 *   alert goes away unanswered
 *
 * Shows the alert over @parent's window, modal. The alert keeps itself
 * until it is answered: the caller may drop its reference at once.
 * Presenting an alert that is shown raises it and keeps the first
 * callback.
 */
void
linli_alert_present (LinliAlert     *self,
                     GtkWidget      *parent,
                     LinliAlertFunc  func,
                     gpointer        user_data,
                     GDestroyNotify  destroy)
{
  g_return_if_fail (LINLI_IS_ALERT (self));
  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));

  if (self->shown)
    {
      if (destroy != NULL)
        destroy (user_data);
#if USE_ALERT_DIALOG
      adw_dialog_present (ADW_DIALOG (self->dialog), parent);
#else
      gtk_window_present (GTK_WINDOW (self->dialog));
#endif
      return;
    }

  self->presented = TRUE;
  self->shown = TRUE;
  self->func = func;
  self->user_data = user_data;
  self->destroy = destroy;
  g_weak_ref_set (&self->parent, parent);
  g_object_ref (self);
  g_signal_connect (self->dialog, "response", G_CALLBACK (response_cb), self);

#if USE_ALERT_DIALOG
  adw_dialog_present (ADW_DIALOG (self->dialog), parent);
#else
  if (parent != NULL && GTK_IS_WINDOW (gtk_widget_get_root (parent)))
    gtk_window_set_transient_for (GTK_WINDOW (self->dialog), GTK_WINDOW (gtk_widget_get_root (parent)));
  gtk_window_set_modal (GTK_WINDOW (self->dialog), TRUE);
  gtk_window_present (GTK_WINDOW (self->dialog));
#endif
}

/**
 * linli_alert_close:
 *
 * Closes the shown alert as Escape does: the callback gets the close
 * response.
 */
void
linli_alert_close (LinliAlert *self)
{
  g_return_if_fail (LINLI_IS_ALERT (self));

  if (!self->shown)
    return;
#if USE_ALERT_DIALOG
  adw_dialog_close (ADW_DIALOG (self->dialog));
#else
  gtk_window_close (GTK_WINDOW (self->dialog));
#endif
}

/**
 * linli_alert_show_message:
 * @parent: (nullable): a widget of the window to show it over
 *
 * A message with one answer, Close: what went wrong, say.
 */
void
linli_alert_show_message (GtkWidget  *parent,
                          const char *heading,
                          const char *body)
{
  g_autoptr(LinliAlert) self = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (heading != NULL);

  self = linli_alert_new (heading, body);
  linli_alert_add_response (self, "close", _("_Close"));
  linli_alert_set_close_response (self, "close");
  linli_alert_present (self, parent, NULL, NULL, NULL);
}

const char *
linli_alert_get_heading (LinliAlert *self)
{
  g_return_val_if_fail (LINLI_IS_ALERT (self), NULL);

#if USE_ALERT_DIALOG
  return adw_alert_dialog_get_heading (DIALOG (self));
#else
  return adw_message_dialog_get_heading (DIALOG (self));
#endif
}

const char *
linli_alert_get_body (LinliAlert *self)
{
  g_return_val_if_fail (LINLI_IS_ALERT (self), NULL);

#if USE_ALERT_DIALOG
  return adw_alert_dialog_get_body (DIALOG (self));
#else
  return adw_message_dialog_get_body (DIALOG (self));
#endif
}

gboolean
linli_alert_has_response (LinliAlert *self,
                          const char *id)
{
  g_return_val_if_fail (LINLI_IS_ALERT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

#if USE_ALERT_DIALOG
  return adw_alert_dialog_has_response (DIALOG (self), id);
#else
  return adw_message_dialog_has_response (DIALOG (self), id);
#endif
}

AdwResponseAppearance
linli_alert_get_response_appearance (LinliAlert *self,
                                     const char *id)
{
  g_return_val_if_fail (LINLI_IS_ALERT (self), ADW_RESPONSE_DEFAULT);
  g_return_val_if_fail (id != NULL, ADW_RESPONSE_DEFAULT);

#if USE_ALERT_DIALOG
  return adw_alert_dialog_get_response_appearance (DIALOG (self), id);
#else
  return adw_message_dialog_get_response_appearance (DIALOG (self), id);
#endif
}

gboolean
linli_alert_get_response_enabled (LinliAlert *self,
                                  const char *id)
{
  g_return_val_if_fail (LINLI_IS_ALERT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

#if USE_ALERT_DIALOG
  return adw_alert_dialog_get_response_enabled (DIALOG (self), id);
#else
  return adw_message_dialog_get_response_enabled (DIALOG (self), id);
#endif
}

const char *
linli_alert_get_default_response (LinliAlert *self)
{
  g_return_val_if_fail (LINLI_IS_ALERT (self), NULL);

#if USE_ALERT_DIALOG
  return adw_alert_dialog_get_default_response (DIALOG (self));
#else
  return adw_message_dialog_get_default_response (DIALOG (self));
#endif
}

const char *
linli_alert_get_close_response (LinliAlert *self)
{
  g_return_val_if_fail (LINLI_IS_ALERT (self), NULL);

#if USE_ALERT_DIALOG
  return adw_alert_dialog_get_close_response (DIALOG (self));
#else
  return adw_message_dialog_get_close_response (DIALOG (self));
#endif
}

/**
 * linli_alert_get_parent:
 *
 * Returns: (nullable) (transfer none): the widget the alert was presented
 *   over, while it lives
 */
GtkWidget *
linli_alert_get_parent (LinliAlert *self)
{
  g_autoptr(GtkWidget) parent = NULL;

  g_return_val_if_fail (LINLI_IS_ALERT (self), NULL);

  parent = g_weak_ref_get (&self->parent);
  return parent;
}

/**
 * linli_alert_get_dialog:
 *
 * Returns: (transfer none): the dialog shown, an AdwAlertDialog or an
 *   AdwMessageDialog
 */
GtkWidget *
linli_alert_get_dialog (LinliAlert *self)
{
  g_return_val_if_fail (LINLI_IS_ALERT (self), NULL);
  return self->dialog;
}

/**
 * linli_alert_is_shown:
 *
 * Returns: whether the alert was presented and is not answered yet
 */
gboolean
linli_alert_is_shown (LinliAlert *self)
{
  g_return_val_if_fail (LINLI_IS_ALERT (self), FALSE);
  return self->shown;
}

/**
 * linli_alert_for_dialog:
 * @dialog: any widget
 *
 * Returns: (nullable) (transfer none): the alert whose dialog @dialog is
 */
LinliAlert *
linli_alert_for_dialog (GtkWidget *dialog)
{
  g_return_val_if_fail (GTK_IS_WIDGET (dialog), NULL);
  return g_object_get_data (G_OBJECT (dialog), ALERT_KEY);
}

/**
 * linli_alert_respond:
 *
 * Answers the shown alert with @id, as a click on its button would, and
 * closes it: for tests, and for a caller that no longer needs the answer.
 */
void
linli_alert_respond (LinliAlert *self,
                     const char *id)
{
  g_autoptr(LinliAlert) keep = NULL;

  g_return_if_fail (LINLI_IS_ALERT (self));
  g_return_if_fail (id != NULL);

  if (!self->shown)
    return;
  keep = g_object_ref (self);
#if USE_ALERT_DIALOG
  /* As a button does: the answer, then the dialog closed, whose own
   * close response response_cb() no longer hears. */
  g_signal_emit_by_name (self->dialog, "response", id);
  adw_dialog_force_close (ADW_DIALOG (self->dialog));
#else
  adw_message_dialog_response (DIALOG (self), id);
  gtk_window_destroy (GTK_WINDOW (self->dialog));
#endif
}
