/** Reading the modules' figures and scoring them. */
package org.chengxin.assessment.internal;
