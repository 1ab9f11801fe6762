/** Chengxin (诚信): the personal public credit information platform of a city. */
package org.chengxin;
