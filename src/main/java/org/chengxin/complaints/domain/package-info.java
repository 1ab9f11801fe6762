/** The complaint as plain Java: its kinds, its states and the transitions that refuse with their own codes. */
package org.chengxin.complaints.domain;
