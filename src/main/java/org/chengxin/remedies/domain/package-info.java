/** The rules of objections and repair, in plain Java: their states, deadlines and who may ask. */
package org.chengxin.remedies.domain;
