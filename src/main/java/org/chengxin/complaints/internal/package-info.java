/** The complaints' table and the use cases that file, route and answer them. */
package org.chengxin.complaints.internal;
