/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-application"

#include "config.h"

#include "linli-application.h"

struct _LinliApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (LinliApplication, linli_application, ADW_TYPE_APPLICATION)

static void
linli_application_class_init (LinliApplicationClass *klass)
{
}

static void
linli_application_init (LinliApplication *self)
{
}

LinliApplication *
linli_application_new (void)
{
  return g_object_new (LINLI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
