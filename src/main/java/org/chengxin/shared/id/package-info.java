/** Citizen ID numbers (GB 11643-1999): normalization, validation, derived facts and masking. */
package org.chengxin.shared.id;
