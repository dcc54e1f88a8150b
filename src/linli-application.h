/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LINLI_TYPE_APPLICATION (linli_application_get_type ())

G_DECLARE_FINAL_TYPE (LinliApplication, linli_application, LINLI, APPLICATION, AdwApplication)

LinliApplication *linli_application_new (void);

G_END_DECLS
