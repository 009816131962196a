/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-i18n.h"

/* The tests' old habit of switching the language back and forth, on the main
 * thread only: replaces what this file pushed last (NULL: the interface's). */
static inline void
fw_test_use_language (const char *lang)
{
  static gboolean pushed;

  if (pushed)
    fw_i18n_pop_language ();
  fw_i18n_push_language (lang);
  pushed = TRUE;
}
