/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-job"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-job.h"
#include "linli-job-bar.h"

/* The progress reaches the main thread at most this often, in µs: 20 a
 * second is as smooth as a bar needs and costs the window nothing. */
#define DELIVERY_INTERVAL (G_USEC_PER_SEC / 20)

struct _LinliJob
{
  GObject       parent_instance;

  char         *title;
  GCancellable *cancellable;
  GMainContext *context;        /* the thread that started it */
  gboolean      running;

  /* The main thread's copy, shown by the bar. */
  double        fraction;       /* < 0: not known */
  char         *text;

  /* What the job's thread reported last, under the lock. */
  GMutex        lock;
  double        next_fraction;
  char         *next_text;
  gint64        delivered_at;   /* monotonic µs */
  gboolean      delivering;
};

G_DEFINE_FINAL_TYPE (LinliJob, linli_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_FRACTION,
  PROP_TEXT,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  LinliJobFunc    func;
  gpointer        data;
  GDestroyNotify  data_free;
} Work;

static void
work_free (Work *work)
{
  if (work->data_free != NULL)
    work->data_free (work->data);
  g_free (work);
}

static gboolean
deliver_cb (gpointer data)
{
  LinliJob *self = data;

  g_mutex_lock (&self->lock);
  self->delivering = FALSE;
  self->fraction = self->next_fraction;
  g_free (self->text);
  self->text = g_strdup (self->next_text);
  g_mutex_unlock (&self->lock);
  if (self->running)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
    }
  return G_SOURCE_REMOVE;
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Work *work = task_data;
  GError *error = NULL;

  if (work->func (source_object, work->data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  LinliJob *self = LINLI_JOB (source);
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;

  self->running = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
}

static void
linli_job_finalize (GObject *object)
{
  LinliJob *self = LINLI_JOB (object);

  g_free (self->title);
  g_free (self->text);
  g_free (self->next_text);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (linli_job_parent_class)->finalize (object);
}

static void
linli_job_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LinliJob *self = LINLI_JOB (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
linli_job_class_init (LinliJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = linli_job_finalize;
  object_class->get_property = linli_job_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, -1, 1, -1,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
linli_job_init (LinliJob *self)
{
  g_mutex_init (&self->lock);
  self->cancellable = g_cancellable_new ();
  self->fraction = -1;
  self->next_fraction = -1;
}

/**
 * linli_job_new:
 * @title: what the bar says while it runs: “Exporting cases…”
 */
LinliJob *
linli_job_new (const char *title)
{
  LinliJob *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (LINLI_TYPE_JOB, NULL);
  self->title = g_strdup (title);
  return self;
}

/**
 * linli_job_run:
 * @widget: in the window whose job bar shows it; a window without one runs
 *   it all the same, unseen
 * @func: the work, run in a thread of its own with @data
 * @callback: called on this thread when @func has returned
 *
 * Runs @func in a thread. A job runs once.
 */
void
linli_job_run (LinliJob            *self,
               GtkWidget           *widget,
               LinliJobFunc         func,
               gpointer             data,
               GDestroyNotify       data_free,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;
  LinliJobBar *bar;
  Work *work;

  g_return_if_fail (LINLI_IS_JOB (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);
  g_return_if_fail (!self->running && self->context == NULL);

  outer = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (outer, linli_job_run);
  bar = linli_job_bar_find (widget);
  if (bar != NULL && !linli_job_bar_show (bar, self))
    {
      if (data_free != NULL)
        data_free (data);
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("Another job is under way in this window. Wait for it to end, or cancel it."));
      g_object_unref (outer);
      return;
    }

  self->context = g_main_context_ref_thread_default ();
  self->running = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  work = g_new0 (Work, 1);
  work->func = func;
  work->data = data;
  work->data_free = data_free;
  inner = g_task_new (self, self->cancellable, job_done_cb, outer);
  /* The function says how it ended: cancelled after its file was written,
   * it was written. */
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, work, (GDestroyNotify) work_free);
  g_task_run_in_thread (inner, job_thread);
}

gboolean
linli_job_finish (LinliJob      *self,
                  GAsyncResult  *result,
                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * linli_job_progress:
 * @fraction: done, from 0 to 1; below 0 when it is not known
 * @text: (nullable): what it does now: “12,000 of 100,000 cases”
 *
 * Says how far the job is, from any thread; the bar shows the last of it
 * at most 20 times a second.
 */
void
linli_job_progress (LinliJob   *self,
                    double      fraction,
                    const char *text)
{
  gboolean deliver = FALSE;
  gint64 now;

  g_return_if_fail (LINLI_IS_JOB (self));

  now = g_get_monotonic_time ();
  g_mutex_lock (&self->lock);
  self->next_fraction = MIN (fraction, 1.0);
  if (g_strcmp0 (text, self->next_text) != 0)
    {
      g_free (self->next_text);
      self->next_text = g_strdup (text);
    }
  if (!self->delivering && now - self->delivered_at >= DELIVERY_INTERVAL && self->context != NULL)
    {
      self->delivering = TRUE;
      self->delivered_at = now;
      deliver = TRUE;
    }
  g_mutex_unlock (&self->lock);
  if (deliver)
    g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, deliver_cb,
                                g_object_ref (self), g_object_unref);
}

/* Asks the job to stop; its callback then says how it ended. */
void
linli_job_cancel (LinliJob *self)
{
  g_return_if_fail (LINLI_IS_JOB (self));
  g_cancellable_cancel (self->cancellable);
}

const char *
linli_job_get_title (LinliJob *self)
{
  g_return_val_if_fail (LINLI_IS_JOB (self), NULL);
  return self->title;
}

/* Returns: done, from 0 to 1, or below 0 when it is not known */
double
linli_job_get_fraction (LinliJob *self)
{
  g_return_val_if_fail (LINLI_IS_JOB (self), -1);
  return self->fraction;
}

const char *
linli_job_get_text (LinliJob *self)
{
  g_return_val_if_fail (LINLI_IS_JOB (self), NULL);
  return self->text;
}

gboolean
linli_job_is_running (LinliJob *self)
{
  g_return_val_if_fail (LINLI_IS_JOB (self), FALSE);
  return self->running;
}

/* Returns: (transfer none): what linli_job_cancel() cancels */
GCancellable *
linli_job_get_cancellable (LinliJob *self)
{
  g_return_val_if_fail (LINLI_IS_JOB (self), NULL);
  return self->cancellable;
}
