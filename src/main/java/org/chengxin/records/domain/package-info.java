/** The record's lifecycle in plain Java: which status changes are allowed, and the refusal of each other one. */
package org.chengxin.records.domain;
