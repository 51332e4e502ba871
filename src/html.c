/* html.c -- placeholder, being written. */
#include "news_int.h"
