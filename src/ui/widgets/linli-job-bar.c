/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-job-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-job-bar.h"

/* How a widget finds the bar of its window: the bar names itself on its
 * root while it is in one. */
#define BAR_KEY "linli-job-bar"

struct _LinliJobBar
{
  GtkWidget       parent_instance;

  GtkActionBar   *action_bar;
  GtkLabel       *label;
  GtkProgressBar *progress;

  LinliJob       *job;
  guint           pulse;        /* while the fraction is not known */
};

G_DEFINE_FINAL_TYPE (LinliJobBar, linli_job_bar, GTK_TYPE_WIDGET)

static gboolean
pulse_cb (gpointer data)
{
  LinliJobBar *self = data;

  gtk_progress_bar_pulse (self->progress);
  return G_SOURCE_CONTINUE;
}

static void
update (LinliJobBar *self)
{
  const char *text = linli_job_get_text (self->job);
  double fraction = linli_job_get_fraction (self->job);

  gtk_label_set_label (self->label, linli_job_get_title (self->job));
  gtk_progress_bar_set_text (self->progress, text);
  gtk_progress_bar_set_show_text (self->progress, text != NULL);
  if (fraction >= 0)
    {
      g_clear_handle_id (&self->pulse, g_source_remove);
      gtk_progress_bar_set_fraction (self->progress, fraction);
    }
  else if (self->pulse == 0)
    self->pulse = g_timeout_add (200, pulse_cb, self);
}

static void
job_notify_cb (LinliJobBar *self)
{
  update (self);
}

static void
release_job (LinliJobBar *self)
{
  if (self->job == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);
  g_clear_handle_id (&self->pulse, g_source_remove);
  gtk_action_bar_set_revealed (self->action_bar, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job-bar.cancel", FALSE);
}

static void
job_running_cb (LinliJobBar *self)
{
  if (!linli_job_is_running (self->job))
    release_job (self);
}

static void
cancel_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LinliJobBar *self = LINLI_JOB_BAR (widget);

  if (self->job != NULL)
    linli_job_cancel (self->job);
}

static void
linli_job_bar_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (linli_job_bar_parent_class)->root (widget);
  g_object_set_data (G_OBJECT (gtk_widget_get_root (widget)), BAR_KEY, widget);
}

static void
linli_job_bar_unroot (GtkWidget *widget)
{
  GObject *root = G_OBJECT (gtk_widget_get_root (widget));

  if (g_object_get_data (root, BAR_KEY) == widget)
    g_object_set_data (root, BAR_KEY, NULL);
  GTK_WIDGET_CLASS (linli_job_bar_parent_class)->unroot (widget);
}

static void
linli_job_bar_dispose (GObject *object)
{
  LinliJobBar *self = LINLI_JOB_BAR (object);

  /* The window goes: its job stops with it. */
  if (self->job != NULL)
    linli_job_cancel (self->job);
  release_job (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_JOB_BAR);
  G_OBJECT_CLASS (linli_job_bar_parent_class)->dispose (object);
}

static void
linli_job_bar_class_init (LinliJobBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_job_bar_dispose;
  widget_class->root = linli_job_bar_root;
  widget_class->unroot = linli_job_bar_unroot;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-job-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliJobBar, action_bar);
  gtk_widget_class_bind_template_child (widget_class, LinliJobBar, label);
  gtk_widget_class_bind_template_child (widget_class, LinliJobBar, progress);
  gtk_widget_class_install_action (widget_class, "job-bar.cancel", NULL, cancel_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "linli-job-bar");
}

static void
linli_job_bar_init (LinliJobBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job-bar.cancel", FALSE);
}

GtkWidget *
linli_job_bar_new (void)
{
  return g_object_new (LINLI_TYPE_JOB_BAR, NULL);
}

/**
 * linli_job_bar_find:
 *
 * Returns: (transfer none) (nullable): the bar of @widget's window, or of
 *   the window a dialog stands on
 */
LinliJobBar *
linli_job_bar_find (GtkWidget *widget)
{
  GtkRoot *root;
  LinliJobBar *bar;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  if (root == NULL)
    return NULL;
  bar = g_object_get_data (G_OBJECT (root), BAR_KEY);
  if (bar == NULL && GTK_IS_WINDOW (root))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (root));

      if (parent != NULL)
        bar = g_object_get_data (G_OBJECT (parent), BAR_KEY);
    }
  return bar;
}

/**
 * linli_job_bar_show:
 *
 * Shows @job until it stops running.
 *
 * Returns: %FALSE when the bar shows another job still
 */
gboolean
linli_job_bar_show (LinliJobBar *self,
                    LinliJob    *job)
{
  g_return_val_if_fail (LINLI_IS_JOB_BAR (self), FALSE);
  g_return_val_if_fail (LINLI_IS_JOB (job), FALSE);

  if (self->job != NULL)
    return FALSE;
  self->job = g_object_ref (job);
  g_signal_connect_swapped (job, "notify::fraction", G_CALLBACK (job_notify_cb), self);
  g_signal_connect_swapped (job, "notify::text", G_CALLBACK (job_notify_cb), self);
  g_signal_connect_swapped (job, "notify::running", G_CALLBACK (job_running_cb), self);
  gtk_progress_bar_set_fraction (self->progress, 0);
  update (self);
  gtk_action_bar_set_revealed (self->action_bar, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job-bar.cancel", TRUE);
  return TRUE;
}

/* Returns: (transfer none) (nullable): the job shown */
LinliJob *
linli_job_bar_get_job (LinliJobBar *self)
{
  g_return_val_if_fail (LINLI_IS_JOB_BAR (self), NULL);
  return self->job;
}
