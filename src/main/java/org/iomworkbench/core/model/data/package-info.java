/**
 * The models' data: what they read of a linked snapshot ({@link org.iomworkbench.core.model.data.ModelData}),
 * their inputs at an as-at date T ({@link org.iomworkbench.core.model.data.Features}, records dated on or before
 * T only), the outcomes over the follow-up {@code (T, T + h]} ({@link org.iomworkbench.core.model.data.Outcomes},
 * sections 7 and 8 of the RFSDi spec with the horizon as a parameter), and the sets built from them
 * ({@link org.iomworkbench.core.model.data.ModelDataset}; {@link org.iomworkbench.core.model.data.Dataset} shows
 * one through public fields).
 * <p>
 * Rules in one place: a window of N days is {@code (T − N, T]}; a prison stay not released by T counts up to T
 * only and its release is never read; a marker ending after T is active at T; unknown ages are the median of the
 * known ones (with a 0/1 column saying so); an outcome whose follow-up runs past the end of the data is unknown,
 * never negative; persons in prison for more than a share (default 0.5) of the follow-up are left out of
 * labelled sets and counted; ethnicity is read for the fairness audit only and is never an input, gender is an
 * input only when asked, and names, postcodes and identifiers are not read.
 */
package org.iomworkbench.core.model.data;
