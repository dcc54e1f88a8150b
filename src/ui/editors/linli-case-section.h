/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The case editor's sections are record sections whose errors are a
 * LinliCaseErrors. */
#include "linli-case-rules.h"
#include "linli-record-section.h"
